using System.Net;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Accounts;

public sealed class ExpiredLinkTests
{
    [Fact]
    public async Task ConfirmEmail_ExpiredLink_SaysItExpiredAndOffersANewOne()
    {
        await using var hub = await HubFactory.StartAsync(s => s["Accounts:LinkLifetime"] = "00:00:01");
        var client = hub.NewClient();
        await client.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Late Reader",
            ["Input.Email"] = "late@test.example",
            ["Input.Password"] = "a perfectly fine passphrase",
        });
        var link = new Uri(SmtpSink.LinkIn(await hub.Smtp!.WaitForAsync("late@test.example", "Confirm"), "/account/confirm-email"));
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // past the one-second lifetime set above

        var (response, page) = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expired", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/account/resend-confirmation']"));
    }
}
