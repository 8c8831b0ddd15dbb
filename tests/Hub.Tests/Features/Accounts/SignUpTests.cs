using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Accounts;

/// <summary>
/// One hub for the class: each test signs up with addresses no other test of the class uses, and a test that
/// counts every account compares before and after its own attempt (the tests of a class run one at a time).
/// </summary>
public sealed class SignUpTests(SharedHub shared) : IClassFixture<SharedHub>
{
    private readonly HubFactory hub = shared.Hub;

    private static Dictionary<string, string> Form(string name, string email, string password) => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    private async Task<int> UsersWithEmailAsync(string email)
    {
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var normalized = email.ToUpperInvariant();
        return await db.Users.CountAsync(u => u.NormalizedEmail == normalized);
    }

    private async Task<int> UserCountAsync()
    {
        using var scope = hub.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HubDbContext>().Users.CountAsync();
    }

    [Fact]
    public async Task SignUp_ValidInput_SendsWellFormedConfirmationThatConfirmsTheAccount()
    {
        var client = hub.NewClient();
        var (response, _) = await client.SubmitAsync("/account/sign-up", Form("Rosa Tamsin", "rosa@test.example", "lanterns over the harbour"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/check-email", response.Headers.Location?.OriginalString);

        var mail = await hub.Smtp!.WaitForAsync("rosa@test.example", "Confirm your email");
        Assert.NotNull(mail.HtmlBody);
        Assert.NotNull(mail.TextBody);
        Assert.Contains("Rosa Tamsin", mail.TextBody);
        var link = new Uri(SmtpSink.LinkIn(mail, "/account/confirm-email"));
        Assert.Contains(link.AbsoluteUri, System.Net.WebUtility.HtmlDecode(mail.HtmlBody));

        Assert.DoesNotContain("returnUrl", link.Query, StringComparison.OrdinalIgnoreCase);

        // The link confirms and signs in: no password typed again, and the person lands on their own home.
        var (confirm, _) = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal("/", confirm.Headers.Location!.OriginalString);
        var (_, home) = await client.GetAsync("/");
        Assert.Equal("Hello, Rosa Tamsin", home.QuerySelector("h1")!.TextContent);
        Assert.Contains("you are signed in", home.QuerySelector("[role=status]")!.TextContent);

        // Once only: the used link signs nobody in, it only says the address is confirmed.
        var elsewhere = hub.NewClient();
        var (again, againPage) = await elsewhere.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Already confirmed", againPage.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.Http.GetAsync("/account")).StatusCode);

        var (signIn, _) = await client.SubmitAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = "rosa@test.example",
            ["Input.Password"] = "lanterns over the harbour",
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var (account, accountPage) = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains("rosa@test.example", accountPage.Body!.TextContent);
    }

    [Fact]
    public async Task SignUp_FromAPage_ConfirmationLinkSignsInAndLandsBackThere_ExternalAddressesIgnored()
    {
        var client = hub.NewClient();
        var (joined, _) = await client.SubmitAsync("/account/sign-up?returnUrl=%2Fgatherings", Form("Tamsin Ode", "ode@test.example", "lanterns over the harbour"));
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        var link = new Uri(SmtpSink.LinkIn(await hub.Smtp!.WaitForAsync("ode@test.example", "Confirm your email"), "/account/confirm-email"));
        var (confirm, _) = await client.GetAsync(link.PathAndQuery);
        Assert.Equal("/gatherings", confirm.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/account")).StatusCode);

        // A return address to another site is dropped at sign-up, and again if someone adds one to the link.
        var other = hub.NewClient();
        await other.SubmitAsync("/account/sign-up?returnUrl=https%3A%2F%2Felsewhere.example%2F", Form("Wren Ode", "wren@test.example", "lanterns over the harbour"));
        var wrenLink = new Uri(SmtpSink.LinkIn(await hub.Smtp.WaitForAsync("wren@test.example", "Confirm your email"), "/account/confirm-email"));
        Assert.DoesNotContain("elsewhere", wrenLink.Query);
        var (wren, _) = await other.GetAsync(wrenLink.PathAndQuery + "&returnUrl=%2F%2Felsewhere.example%2F");
        Assert.Equal(HttpStatusCode.Redirect, wren.StatusCode);
        Assert.Equal("/", wren.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignUp_TimeZone_SavedAsPickedAndRefusedWithAReasonWhenUnknown()
    {
        var client = hub.NewClient();
        var (_, form) = await client.GetAsync("/account/sign-up");
        // One list of IANA zones, each with its offset now and places people know it by.
        var lisbon = form.QuerySelector("#zone-choices option[value='Europe/Lisbon']")!.GetAttribute("label")!;
        Assert.StartsWith("UTC+0", lisbon);
        Assert.Contains("Porto", lisbon);
        Assert.Equal("zone-choices", form.QuerySelector("#zone")!.GetAttribute("list"));

        var unknown = Form("Ines Varga", "ines@test.example", "lanterns over the harbour");
        unknown["Input.TimeZone"] = "Atlantis/Capital";
        var (refused, refusedPage) = await client.SubmitAsync("/account/sign-up", unknown);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("'Atlantis/Capital' is not a time zone we know", refusedPage.QuerySelector("#zone-error")!.TextContent);
        Assert.Contains("pick it from the list", refusedPage.QuerySelector("#zone-error")!.TextContent);
        Assert.Equal("Atlantis/Capital", refusedPage.QuerySelector("#zone")!.GetAttribute("value"));
        Assert.Equal(0, await UsersWithEmailAsync("ines@test.example"));

        // As the browser reports it (any letter case): saved under its proper name.
        var known = Form("Ines Varga", "ines@test.example", "lanterns over the harbour");
        known["Input.TimeZone"] = "europe/berlin";
        var (created, _) = await client.SubmitAsync("/account/sign-up", known);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var zone = await db.Profiles.Where(p => p.UserId == db.Users.Single(u => u.Email == "ines@test.example").Id).Select(p => p.TimeZone).SingleAsync();
        Assert.Equal("Europe/Berlin", zone);
    }

    [Theory]
    [InlineData("short", "Input.Password", "at least 10 characters")]
    [InlineData("1234567890", "Input.Password", "first that attackers try")]
    [InlineData("aaaaaaaaaaaa", "Input.Password", "different characters")]
    public async Task SignUp_WeakPassword_ShowsWhyAndCreatesNothing(string password, string field, string message)
    {
        var client = hub.NewClient();
        var (response, page) = await client.SubmitAsync("/account/sign-up", Form("Weak Pass", "weak@test.example", password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var input = page.QuerySelector($"input[name='{field}']")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains(message, page.QuerySelector("#password-error")!.TextContent, StringComparison.OrdinalIgnoreCase);
        // What was typed comes back, except the password.
        Assert.Equal("weak@test.example", page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
        Assert.Equal("Weak Pass", page.QuerySelector("input[name='Input.DisplayName']")!.GetAttribute("value"));
        Assert.Equal(0, await UsersWithEmailAsync("weak@test.example"));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@test.example")]
    [InlineData("")]
    public async Task SignUp_WrongEmail_ShowsMessageAndCreatesNothing(string email)
    {
        var before = await UserCountAsync();
        var client = hub.NewClient();
        var (response, page) = await client.SubmitAsync("/account/sign-up", Form("Wrong Mail", email, "a perfectly fine passphrase"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#email-error")!.TextContent));
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task SignUp_SameEmailTwiceAtOnce_CreatesOneAccount()
    {
        var attempts = Enumerable.Range(0, 6).Select(async i =>
        {
            var client = hub.NewClient();
            return await client.SubmitAsync("/account/sign-up", Form($"Racer {i}", "race@test.example", "racing to the finish line"));
        });
        var results = await Task.WhenAll(attempts);
        // Every one is told to check the mailbox (whether the address was taken is not said); one account exists.
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.Response.StatusCode));
        Assert.Equal(1, await UsersWithEmailAsync("race@test.example"));
    }

    [Fact]
    public async Task ConfirmEmail_TamperedLink_SaysTheLinkDoesNotWork()
    {
        var client = hub.NewClient();
        await client.SubmitAsync("/account/sign-up", Form("Tam Perer", "tamper@test.example", "a perfectly fine passphrase"));
        var link = new Uri(SmtpSink.LinkIn(await hub.Smtp!.WaitForAsync("tamper@test.example", "Confirm"), "/account/confirm-email"));
        var tampered = link.PathAndQuery[..^3] + (link.PathAndQuery.EndsWith("AAA", StringComparison.Ordinal) ? "BBB" : "AAA");

        var (response, page) = await client.GetAsync(tampered);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not work", page.QuerySelector("h1")!.TextContent);
        var (other, otherPage) = await client.GetAsync("/account/confirm-email?user=nobody&code=%%%");
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("does not work", otherPage.QuerySelector("h1")!.TextContent);

        using var scope = hub.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>().FindByEmailAsync("tamper@test.example");
        Assert.False(user!.EmailConfirmed);
    }

    [Fact]
    public async Task SignIn_BeforeConfirming_AsksToConfirmFirst()
    {
        var client = hub.NewClient();
        await client.SubmitAsync("/account/sign-up", Form("Early Bird", "early@test.example", "a perfectly fine passphrase"));
        var (response, page) = await client.SubmitAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = "early@test.example",
            ["Input.Password"] = "a perfectly fine passphrase",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("confirm your email address first", page.QuerySelector("[role=alert]")!.TextContent);
    }
}
