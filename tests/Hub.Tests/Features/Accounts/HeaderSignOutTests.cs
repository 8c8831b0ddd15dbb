using System.Net;

namespace Microsolidarity.Hub.Tests.Features.Accounts;

/// <summary>
/// The header's "Sign out" is a form on every page. A form with its own action gets no anti-forgery token
/// unless asked, and without one the POST was refused with a 400 page: this presses it as a browser would.
/// </summary>
public sealed class HeaderSignOutTests
{
    [Fact]
    public async Task SignOutInTheHeader_OnAnyPage_CarriesItsTokenAndSignsOut()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("leaving@test.example", "a quiet way home");
        var client = await hub.SignedInClientAsync("leaving@test.example", "a quiet way home");
        foreach (var path in new[] { "/", "/gatherings", "/account" })
        {
            var (_, page) = await client.GetAsync(path);
            var form = page.QuerySelector("header form[action='/account/sign-out']") ?? page.QuerySelector("form[action='/account/sign-out']");
            Assert.NotNull(form);
            Assert.False(string.IsNullOrEmpty(form!.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")), $"the sign-out form on {path} has no token");
        }
        var (_, home) = await client.GetAsync("/");
        var token = home.QuerySelector("form[action='/account/sign-out'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (signedOut, _) = await client.PostAsync("/account/sign-out", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/account/sign-in", signedOut.Headers.Location!.OriginalString);
        var (account, _) = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode); // signed out: the account page asks to sign in
    }
}
