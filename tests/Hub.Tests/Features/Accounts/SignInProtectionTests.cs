using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Accounts.AccountTestKit;

namespace Microsolidarity.Hub.Tests.Features.Accounts;

/// <summary>Nothing the sign-up and sign-in pages say tells whether an address has an account, and nobody can lock anyone else out.</summary>
/// <remarks>
/// One hub for the class: each test signs in (and is paused) as an address no other test of the class uses,
/// and pauses count per address and device.
/// </remarks>
public sealed class SignInProtectionTests(SharedHub shared) : IClassFixture<SharedHub>
{
    private const string Password = "the right passphrase";
    private const string Stranger = "203.0.113.9";
    private const string Home = "198.51.100.7";
    private readonly HubFactory hub = shared.Hub;

    private static async Task<string> AlertAfterAsync(Device device, string email, string password)
    {
        var (response, page) = await device.Client.SubmitAsync("/account/sign-in", SignInForm(email, password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelector("main")!.TextContent.Replace(email, "ADDRESS");
    }

    private static async Task GuessAsync(Device device, string email, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await device.Client.SubmitAsync("/account/sign-in", SignInForm(email, $"wrong guess {i}"));
        }
    }

    [Fact]
    public async Task SignUp_AddressWithAnAccount_AnswersAsForANewOneAndEmailsTheOwner()
    {
        await hub.CreatePersonAsync("taken@test.example", "an existing passphrase", name: "Owner");
        var (fresh, _) = await hub.NewClient().SubmitAsync("/account/sign-up", SignUpForm("New Person", "fresh@test.example"));
        var (taken, _) = await hub.NewClient().SubmitAsync("/account/sign-up", SignUpForm("Second", "Taken@Test.example"));

        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(fresh.Headers.Location, taken.Headers.Location);
        var mail = await hub.Smtp!.WaitForAsync("taken@test.example", "tried to make an account");
        Assert.Contains("/account/sign-in", mail.TextBody);
        Assert.Equal(1, await UsersWithEmailAsync("taken@test.example"));
    }

    [Fact]
    public async Task SignUp_WeakPasswordForAnAddressWithAnAccount_RefusedAsForANewOne()
    {
        await hub.CreatePersonAsync("weak-taken@test.example", "an existing passphrase");
        var (taken, takenPage) = await hub.NewClient().SubmitAsync("/account/sign-up", SignUpForm("Second", "weak-taken@test.example", "short"));
        var (fresh, freshPage) = await hub.NewClient().SubmitAsync("/account/sign-up", SignUpForm("Second", "weak-fresh@test.example", "short"));
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.Equal(freshPage.QuerySelector("#password-error")!.TextContent, takenPage.QuerySelector("#password-error")!.TextContent);
        Assert.True(string.IsNullOrEmpty(takenPage.QuerySelector("#email-error")!.TextContent));
    }

    [Fact]
    public async Task SignIn_UnconfirmedAccountWrongPassword_AnswersExactlyAsAnUnknownAddress()
    {
        await hub.NewClient().SubmitAsync("/account/sign-up", SignUpForm("Not Yet", "unconfirmed@test.example"));
        var device = hub.NewDevice();

        var unconfirmed = await AlertAfterAsync(device, "unconfirmed@test.example", "not the passphrase");
        var unknown = await AlertAfterAsync(device, "nobody-here@test.example", "not the passphrase");

        Assert.Equal(unknown, unconfirmed);
        Assert.Contains("email address or the password is not right", unconfirmed);
    }

    [Fact]
    public async Task SignIn_ManyWrongPasswords_PausesAnAccountAndAnUnknownAddressWithTheSameWords()
    {
        await hub.CreatePersonAsync("real@test.example", Password);
        var device = hub.NewDevice(Stranger);
        await GuessAsync(device, "real@test.example", 5);
        await GuessAsync(device, "imagined@test.example", 5);

        var real = await AlertAfterAsync(device, "real@test.example", Password);
        var imagined = await AlertAfterAsync(device, "imagined@test.example", "any passphrase at all");

        Assert.Contains("paused", real);
        Assert.Equal(real, imagined);
    }

    [Fact]
    public async Task SignIn_StrangerGuessesFromElsewhere_OwnerStillSignsInFromHome()
    {
        await hub.CreatePersonAsync("target@test.example", Password);
        var stranger = hub.NewDevice(Stranger);
        await GuessAsync(stranger, "target@test.example", 8);
        Assert.Contains("paused", await AlertAfterAsync(stranger, "target@test.example", Password));

        await hub.NewDevice(Home).SignInAsync("target@test.example", Password);
    }

    [Fact]
    public async Task SignIn_PauseBegins_OwnerGetsAnUnlockLinkThatWorksOnce()
    {
        await hub.CreatePersonAsync("forgetful@test.example", Password, name: "Forgetful");
        var device = hub.NewDevice(Home);
        await GuessAsync(device, "forgetful@test.example", 5);
        Assert.Contains("paused", await AlertAfterAsync(device, "forgetful@test.example", Password));

        var mail = await hub.Smtp!.WaitForAsync("forgetful@test.example", "Signing in to your account was paused");
        Assert.Contains(Home, mail.TextBody);
        Assert.Contains("It works for 1 hour and only once.", mail.TextBody);
        var link = new Uri(SmtpSink.LinkIn(mail, "/account/unlock"));

        var (opened, _) = await device.Client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("paused", await AlertAfterAsync(device, "forgetful@test.example", Password)); // opening the link alone changes nothing
        var (unlocked, _) = await device.Client.SubmitAsync(link.PathAndQuery, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        await device.SignInAsync("forgetful@test.example", Password);

        var (again, againPage) = await hub.NewDevice(Stranger).Client.SubmitAsync(link.PathAndQuery, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("used already", againPage.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task SignIn_WrongAgainAfterAPause_PausesForLonger()
    {
        var clock = new ShiftedClock();
        await hub.CreatePersonAsync("slow@test.example", Password);
        await using var timed = hub.WithClock(clock);
        var device = timed.NewDevice(Stranger);

        await GuessAsync(device, "slow@test.example", 5);
        Assert.Contains("paused", await AlertAfterAsync(device, "slow@test.example", Password));
        clock.Advance(TimeSpan.FromSeconds(61)); // the first pause (a minute) is over
        await GuessAsync(device, "slow@test.example", 1); // and one more wrong guess pauses for two
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Contains("paused", await AlertAfterAsync(device, "slow@test.example", Password));
        clock.Advance(TimeSpan.FromSeconds(61));
        await device.SignInAsync("slow@test.example", Password);
    }

    private static Dictionary<string, string> SignUpForm(string name, string email, string password = "a perfectly fine passphrase") => new()
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
}
