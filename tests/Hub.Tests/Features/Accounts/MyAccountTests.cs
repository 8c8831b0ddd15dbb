using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Accounts;

/// <summary>One hub for the class: each test is a person no other test of the class is (one alone makes an administrator).</summary>
public sealed class MyAccountTests(SharedHub shared) : IClassFixture<SharedHub>
{
    private readonly HubFactory hub = shared.Hub;

    [Fact]
    public async Task ChangeEmail_ConfirmedFromNewAddress_MovesTheAccountAndTellsTheOldOne()
    {
        await hub.CreatePersonAsync("old@test.example", "a steady passphrase", name: "Mover");
        var client = await hub.SignedInClientAsync("old@test.example", "a steady passphrase");

        var (wrong, wrongPage) = await client.SubmitAsync("/account", new Dictionary<string, string>
        {
            ["Email.NewEmail"] = "new@test.example",
            ["Email.Password"] = "not my passphrase",
        }, handler: "ChangeEmail");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.True(wrongPage.QuerySelector("#email-password-error")!.TextContent.Contains("not right"), wrongPage.QuerySelector("main")!.InnerHtml);
        Assert.Equal("new@test.example", wrongPage.QuerySelector("input[name='Email.NewEmail']")!.GetAttribute("value"));

        var (sent, _) = await client.SubmitAsync("/account", new Dictionary<string, string>
        {
            ["Email.NewEmail"] = "new@test.example",
            ["Email.Password"] = "a steady passphrase",
        }, handler: "ChangeEmail");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var link = new Uri(SmtpSink.LinkIn(await hub.Smtp!.WaitForAsync("new@test.example", "Confirm your new email"), "/account/confirm-email-change"));
        var (confirmed, page) = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("new address is confirmed", page.QuerySelector("h1")!.TextContent);
        await hub.Smtp.WaitForAsync("old@test.example", "Your email address was changed");
        await hub.SignedInClientAsync("new@test.example", "a steady passphrase");
    }

    [Fact]
    public async Task ChangeEmail_ToAnAddressWithAnAccount_AnswersAsForAFreeOneAndTellsItsOwner()
    {
        await hub.CreatePersonAsync("asker@test.example", "a steady passphrase", name: "Asker");
        await hub.CreatePersonAsync("owner@test.example", "another passphrase", name: "Owner");
        var client = await hub.SignedInClientAsync("asker@test.example", "a steady passphrase");

        async Task<(HttpStatusCode Status, string? Location, string Notice)> AskAsync(string address)
        {
            var (sent, _) = await client.SubmitAsync("/account", new Dictionary<string, string>
            {
                ["Email.NewEmail"] = address,
                ["Email.Password"] = "a steady passphrase",
            }, handler: "ChangeEmail");
            var (_, page) = await client.GetAsync(sent.Headers.Location!.OriginalString);
            return (sent.StatusCode, sent.Headers.Location.OriginalString, page.QuerySelector("[role=status]")?.TextContent.Replace(address, "…") ?? "");
        }

        var free = await AskAsync("free@test.example");
        var taken = await AskAsync("owner@test.example");

        Assert.Equal(HttpStatusCode.Redirect, taken.Status);
        Assert.Equal(free, taken);
        await hub.Smtp!.WaitForAsync("owner@test.example", "Someone asked to use your address");
        await hub.Smtp.WaitForAsync("free@test.example", "Confirm your new email");
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>();
        Assert.DoesNotContain(db.OutgoingEmails.Where(e => e.ToAddress == "owner@test.example").Select(e => e.Subject).ToList(), s => s.Contains("Confirm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DownloadData_SignedIn_GivesJsonWithTheAccount()
    {
        await hub.CreatePersonAsync("data@test.example", "a steady passphrase", name: "Data Keeper");
        var client = await hub.SignedInClientAsync("data@test.example", "a steady passphrase");
        var response = await client.Http.GetAsync("/account/download-data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("my-hub-data.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var account = json.RootElement.GetProperty("account");
        Assert.Equal("data@test.example", account.GetProperty("email").GetString());
        Assert.Equal("Data Keeper", account.GetProperty("displayName").GetString());
        Assert.False(account.TryGetProperty("passwordHash", out _));
    }

    [Fact]
    public async Task DeleteAccount_ListsWhatGoesAndNeedsPasswordAndConsent()
    {
        await hub.CreatePersonAsync("leaver@test.example", "a steady passphrase", name: "Leaver");
        var client = await hub.SignedInClientAsync("leaver@test.example", "a steady passphrase");
        var (_, listing) = await client.GetAsync("/account/delete");
        Assert.Contains("leaver@test.example", listing.QuerySelector("main ul")!.TextContent);

        var (noConsent, noConsentPage) = await client.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Password"] = "a steady passphrase" });
        Assert.Equal(HttpStatusCode.OK, noConsent.StatusCode);
        Assert.Contains("Tick the box", noConsentPage.QuerySelector("#understood-error")!.TextContent);
        var (wrong, wrongPage) = await client.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Password"] = "nope", ["Understood"] = "true" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("not right", wrongPage.QuerySelector("#password-error")!.TextContent);
        Assert.NotNull(await FindAsync("leaver@test.example"));

        var (deleted, _) = await client.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Password"] = "a steady passphrase", ["Understood"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await FindAsync("leaver@test.example"));
        await hub.Smtp!.WaitForAsync("leaver@test.example", "Your account was deleted");
        var (after, _) = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task DeleteAccount_OnlyAdministrator_IsRefusedWithReason()
    {
        await hub.CreatePersonAsync("sole-admin@test.example", "a steady passphrase", admin: true);
        using (var scope = hub.Services.CreateScope())
        {
            // The administrator made at first start steps down, so the new one is the only one.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
            var first = await users.FindByEmailAsync("host@hub.example");
            await users.RemoveFromRoleAsync(first!, "Admin");
        }
        var client = await hub.SignedInClientAsync("sole-admin@test.example", "a steady passphrase");
        var (response, page) = await client.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Password"] = "a steady passphrase", ["Understood"] = "true" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("only administrator", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.NotNull(await FindAsync("sole-admin@test.example"));
    }

    private async Task<HubUser?> FindAsync(string email)
    {
        using var scope = hub.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>().FindByEmailAsync(email);
    }
}
