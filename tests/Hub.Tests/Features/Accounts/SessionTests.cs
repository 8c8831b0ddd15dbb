using System.Net;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Accounts;

/// <summary>One hub for the class: each test signs in as a person no other test of the class is.</summary>
public sealed class SessionTests(SharedHub shared) : IClassFixture<SharedHub>
{
    private const string Password = "a steady passphrase";
    private readonly HubFactory hub = shared.Hub;

    private async Task<Device> SignedInDeviceAsync(string email, string password = Password)
    {
        var device = hub.NewDevice();
        await device.SignInAsync(email, password);
        return device;
    }

    [Fact]
    public async Task SignOut_CopiedCookieReplayedAfterwards_IsRefused()
    {
        await hub.CreatePersonAsync("copied@test.example", Password);
        var device = await SignedInDeviceAsync("copied@test.example");
        var thief = hub.Replaying(device.CookieHeader);
        Assert.Equal(HttpStatusCode.OK, await thief.AccountPageAsync());

        var (signedOut, _) = await device.Client.SubmitAsync("/account/sign-out", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await thief.AccountPageAsync());
        Assert.Equal(HttpStatusCode.Redirect, await device.Client.Http.AccountPageAsync());
    }

    [Fact]
    public async Task ResetPassword_SignedInElsewhere_EndsEverySession()
    {
        await hub.CreatePersonAsync("reset@test.example", Password);
        var laptop = await SignedInDeviceAsync("reset@test.example");
        var copy = hub.Replaying(laptop.CookieHeader);

        var phone = hub.NewDevice("198.51.100.2");
        await phone.Client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "reset@test.example" });
        var link = new Uri(SmtpSink.LinkIn(await hub.Smtp!.WaitForAsync("reset@test.example", "Reset your password"), "/account/reset-password"));
        var (reset, _) = await phone.Client.SubmitAsync(link.PathAndQuery, new Dictionary<string, string> { ["Password"] = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await laptop.Client.Http.AccountPageAsync());
        Assert.Equal(HttpStatusCode.Redirect, await copy.AccountPageAsync());
        await phone.SignInAsync("reset@test.example", "a brand new passphrase");
    }

    [Fact]
    public async Task ChangePassword_EndsOtherSessionsAndKeepsThisDeviceOnANewOne()
    {
        await hub.CreatePersonAsync("change@test.example", Password);
        var laptop = await SignedInDeviceAsync("change@test.example");
        var phone = await SignedInDeviceAsync("change@test.example");
        var laptopBefore = hub.Replaying(laptop.CookieHeader);

        var (changed, _) = await laptop.Client.SubmitAsync("/account", new Dictionary<string, string>
        {
            ["Password.Current"] = Password,
            ["Password.New"] = "an entirely new passphrase",
        }, handler: "ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, await laptop.Client.Http.AccountPageAsync());
        Assert.Equal(HttpStatusCode.Redirect, await phone.Client.Http.AccountPageAsync());
        Assert.Equal(HttpStatusCode.Redirect, await laptopBefore.AccountPageAsync()); // a copy taken before the change
    }

    [Fact]
    public async Task ChangeEmail_Confirmed_EndsOtherSessionsAndKeepsTheDeviceThatConfirmed()
    {
        await hub.CreatePersonAsync("before@test.example", Password);
        var laptop = await SignedInDeviceAsync("before@test.example");
        var phone = await SignedInDeviceAsync("before@test.example");

        await laptop.Client.SubmitAsync("/account", new Dictionary<string, string>
        {
            ["Email.NewEmail"] = "after@test.example",
            ["Email.Password"] = Password,
        }, handler: "ChangeEmail");
        var link = new Uri(SmtpSink.LinkIn(await hub.Smtp!.WaitForAsync("after@test.example", "Confirm your new email"), "/account/confirm-email-change"));
        var (confirmed, _) = await laptop.Client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, await laptop.Client.Http.AccountPageAsync());
        Assert.Equal(HttpStatusCode.Redirect, await phone.Client.Http.AccountPageAsync());
    }

    [Fact]
    public async Task AccountPage_SignedInOnThreeDevices_ListsThemAndSignsOutEverywhereElse()
    {
        await hub.CreatePersonAsync("many@test.example", Password);
        var laptop = await SignedInDeviceAsync("many@test.example");
        var phone = await SignedInDeviceAsync("many@test.example");
        var tablet = await SignedInDeviceAsync("many@test.example");
        var tabletCopy = hub.Replaying(tablet.CookieHeader);

        var (_, page) = await laptop.Client.GetAsync("/account");
        Assert.Contains("2 other devices", page.QuerySelector("#devices-summary")!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll("ul.devices li").Length);

        var (ended, _) = await laptop.Client.SubmitAsync("/account", new Dictionary<string, string>(), handler: "SignOutOthers");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await phone.Client.Http.AccountPageAsync());
        Assert.Equal(HttpStatusCode.Redirect, await tablet.Client.Http.AccountPageAsync());
        Assert.Equal(HttpStatusCode.Redirect, await tabletCopy.AccountPageAsync());
        var (_, after) = await laptop.Client.GetAsync("/account");
        Assert.Contains("Only on this device", after.QuerySelector("#devices-summary")!.TextContent);
        Assert.Null(after.QuerySelector("form[action*='handler=SignOutOthers']"));
    }
}
