using System.Net;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Accounts;

/// <summary>
/// One hub for the class: each test moves a clock of its own (a host built on the shared hub with
/// WithClock) and uses addresses no other test of the class uses.
/// </summary>
public sealed class LinkLifetimeTests(SharedHub shared) : IClassFixture<SharedHub>
{
    private readonly HubFactory hub = shared.Hub;
    private readonly ShiftedClock clock = new();

    [Fact]
    public async Task ResetLink_DefaultSettings_SaysOneHourAndStopsWorkingAfterIt()
    {
        await hub.CreatePersonAsync("hour@test.example", "the old passphrase");
        await hub.CreatePersonAsync("minute@test.example", "the old passphrase");
        await using var timed = hub.WithClock(clock);
        var device = timed.NewDevice();

        await device.Client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "hour@test.example" });
        var mail = await hub.Smtp!.WaitForAsync("hour@test.example", "Reset your password");
        Assert.Contains("It works for 1 hour and only once.", mail.TextBody);
        var link = new Uri(SmtpSink.LinkIn(mail, "/account/reset-password"));
        clock.Advance(TimeSpan.FromMinutes(61));

        var (late, latePage) = await device.Client.SubmitAsync(link.PathAndQuery, new Dictionary<string, string> { ["Password"] = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("expired", latePage.QuerySelector("[role=alert]")!.TextContent);

        // Within the hour a link works.
        await device.Client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "minute@test.example" });
        var fresh = new Uri(SmtpSink.LinkIn(await hub.Smtp.WaitForAsync("minute@test.example", "Reset your password"), "/account/reset-password"));
        clock.Advance(TimeSpan.FromMinutes(59));
        var (inTime, _) = await device.Client.SubmitAsync(fresh.PathAndQuery, new Dictionary<string, string> { ["Password"] = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, inTime.StatusCode);
    }

    [Fact]
    public async Task ConfirmationLink_DefaultSettings_SaysADayAndStopsWorkingAfterIt()
    {
        await using var timed = hub.WithClock(clock);
        var device = timed.NewDevice();
        await device.Client.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Late Reader",
            ["Input.Email"] = "late@test.example",
            ["Input.Password"] = "a perfectly fine passphrase",
        });
        var mail = await hub.Smtp!.WaitForAsync("late@test.example", "Confirm");
        Assert.Contains("The link works for 24 hours.", mail.TextBody);
        var link = new Uri(SmtpSink.LinkIn(mail, "/account/confirm-email"));
        clock.Advance(TimeSpan.FromHours(25));

        var (response, page) = await device.Client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expired", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/account/resend-confirmation']"));
    }

    [Fact]
    public async Task ResetLink_LifetimeSetInMinutes_EmailSaysExactlyThat()
    {
        await using var custom = await HubFactory.StartAsync(s => s["Accounts:ResetLinkMinutes"] = "90");
        await custom.CreatePersonAsync("ninety@test.example", "the old passphrase");
        await custom.NewClient().SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "ninety@test.example" });
        var mail = await custom.Smtp!.WaitForAsync("ninety@test.example", "Reset your password");
        Assert.Contains("It works for 90 minutes and only once.", mail.TextBody);
    }
}

public sealed class AccountSettingsTests
{
    [Theory]
    [InlineData("Accounts:ResetLinkMinutes", "10081")] // a minute over 7 days
    [InlineData("Accounts:ResetLinkMinutes", "0")]
    [InlineData("Accounts:ConfirmationLinkHours", "169")]
    [InlineData("Accounts:ConfirmationLinkHours", "0")]
    public async Task Start_LinkLifetimeOutOfRange_RefusesNamingTheSetting(string setting, string value)
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => HubFactory.StartAsync(s => s[setting] = value, smtp: false));
        Assert.Contains(setting, Messages(refused));
    }

    [Fact]
    public async Task Start_OldLinkLifetimeSetting_RefusesAndSaysWhatToUseInstead()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => HubFactory.StartAsync(s => s["Accounts:LinkLifetime"] = "24:00:00", smtp: false));
        var messages = Messages(refused);
        Assert.Contains("Accounts:LinkLifetime", messages);
        Assert.Contains("Accounts:ResetLinkMinutes", messages);
        Assert.Contains("Accounts:ConfirmationLinkHours", messages);
    }

    private static string Messages(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Messages(e.InnerException);
}
