using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Accounts;

/// <summary>One hub for the class: the two tests use addresses of their own.</summary>
public sealed class PasswordResetTests(SharedHub shared) : IClassFixture<SharedHub>
{
    private readonly HubFactory hub = shared.Hub;

    [Fact]
    public async Task ResetPassword_FromEmailLink_SetsNewPasswordAndTheLinkWorksOnce()
    {
        await hub.CreatePersonAsync("forgetful@test.example", "the old passphrase");
        var client = hub.NewClient();
        var (sent, sentPage) = await client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "forgetful@test.example" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("is on its way", sentPage.QuerySelector("[role=status]")!.TextContent);

        var link = new Uri(SmtpSink.LinkIn(await hub.Smtp!.WaitForAsync("forgetful@test.example", "Reset your password"), "/account/reset-password"));
        var (weak, weakPage) = await client.SubmitAsync(link.PathAndQuery, new Dictionary<string, string> { ["Password"] = "short" });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("at least 10", weakPage.QuerySelector("#password-error")!.TextContent);

        var (done, _) = await client.SubmitAsync(link.PathAndQuery, new Dictionary<string, string> { ["Password"] = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await hub.SignedInClientAsync("forgetful@test.example", "a brand new passphrase");

        var (reused, reusedPage) = await hub.NewClient().SubmitAsync(link.PathAndQuery, new Dictionary<string, string> { ["Password"] = "yet another passphrase" });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("does not work", reusedPage.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task ForgotPassword_UnknownAddress_AnswersTheSameAndSendsNothing()
    {
        var (response, page) = await hub.NewClient().SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "nobody@test.example" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("If there is an account", page.QuerySelector("[role=status]")!.TextContent);
        // The form's work is done when it answers: whatever it queued is in the outbox now.
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            Assert.False(await db.OutgoingEmails.AnyAsync(e => e.ToAddress == "nobody@test.example"));
        }
        await hub.DrainOutboxAsync();
        Assert.DoesNotContain(hub.Smtp!.Messages(), m => m.To.ToString().Contains("nobody@test.example"));
    }
}
