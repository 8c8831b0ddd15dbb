using System.Net;

namespace Microsolidarity.Hub.Tests.Features.Accounts;

/// <remarks>One hub for the class: each test signs in as a person of its own, made with an address no other test uses.</remarks>
public sealed class SignInTests(SharedHubWithoutMail shared) : IClassFixture<SharedHubWithoutMail>
{
    private readonly HubFactory hub = shared.Hub;

    private static Dictionary<string, string> Form(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoWithoutTellingWhichPart()
    {
        await hub.CreatePersonAsync("mira@test.example", "the right passphrase");
        var (response, page) = await hub.NewClient().SubmitAsync("/account/sign-in", Form("mira@test.example", "the wrong passphrase"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("email address or the password is not right", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("mira@test.example", page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_PausesSigningInFromThereEvenWithTheRightOne()
    {
        await hub.CreatePersonAsync("lock@test.example", "the right passphrase");
        var client = hub.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitAsync("/account/sign-in", Form("lock@test.example", $"wrong guess {i}"));
        }
        var (response, page) = await client.SubmitAsync("/account/sign-in", Form("lock@test.example", "the right passphrase"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("paused", page.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task SignIn_FromTheHeaderOfAPage_LandsBackThere_AndNeverOnAnotherSite()
    {
        await hub.CreatePersonAsync("back@test.example", "the right passphrase");
        var (_, gatherings) = await hub.NewClient().GetAsync("/gatherings?view=month");
        var header = gatherings.QuerySelector("nav[aria-label=Account] a[href^='/account/sign-in']")!.GetAttribute("href")!;
        Assert.Equal("/account/sign-in?returnUrl=%2Fgatherings%3Fview%3Dmonth", header);
        var join = gatherings.QuerySelector("nav[aria-label=Account] a[href^='/account/sign-up']")!.GetAttribute("href")!;
        Assert.Equal("/account/sign-up?returnUrl=%2Fgatherings%3Fview%3Dmonth", join);

        var (back, _) = await hub.NewClient().SubmitAsync(header, Form("back@test.example", "the right passphrase"));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/gatherings?view=month", back.Headers.Location!.OriginalString);

        // No return address: the person's home.
        var (home, _) = await hub.NewClient().SubmitAsync("/account/sign-in", Form("back@test.example", "the right passphrase"));
        Assert.Equal("/", home.Headers.Location!.OriginalString);

        // An absolute or protocol-relative address is ignored: signing in never sends anyone to another site.
        foreach (var outside in new[] { "https://elsewhere.example/welcome", "//elsewhere.example/welcome", "/\\elsewhere.example" })
        {
            var (response, _) = await hub.NewClient().SubmitAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(outside)}", Form("back@test.example", "the right passphrase"));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task SignOut_Post_EndsTheSession()
    {
        await hub.CreatePersonAsync("out@test.example", "the right passphrase");
        var client = await hub.SignedInClientAsync("out@test.example", "the right passphrase");
        var (signedIn, _) = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);

        var (response, _) = await client.SubmitAsync("/account/sign-out", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (after, _) = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }
}

public sealed class RateLimitTests
{
    [Fact]
    public async Task SignIn_MoreAttemptsThanTheLimit_AnswersTooManyRequests()
    {
        await using var hub = await HubFactory.StartAsync(s => (s["RateLimits:AccountFormsPerMinute"], s["RateLimits:AccountFormsWindow"]) = ("3", "01:00:00"), smtp: false);
        var client = hub.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var (response, _) = await client.SubmitAsync("/account/sign-in", new Dictionary<string, string>
            {
                ["Input.Email"] = "someone@test.example",
                ["Input.Password"] = "guess number " + i,
            });
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        // Reading the form is never limited; the 429 page explains itself.
        var (page, _) = await client.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var (limited, limitedPage) = await client.PostAsync("/account/sign-up", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many tries", limitedPage.QuerySelector("h1")!.TextContent);
    }
}
