using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Platform.Web;
using Microsolidarity.Hub.Tests.Features.Congregations;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>
/// What a signed-in page no longer does on every view (issue 21 item 7), and that it still sees every change at once:
/// the anti-forgery cookie decrypted once a minute (<see cref="KeptFormTokens"/>), the viewer's membership and the
/// host dashboard kept a few seconds and emptied by any saved change to them.
/// </summary>
public sealed class SignedInCostTests(SharedHubWithoutMail shared) : IClassFixture<SharedHubWithoutMail>
{
    private const string Password = "a quiet way home";
    private readonly HubFactory hub = shared.Hub;

    [Fact]
    public void TheAntiforgeryCookie_DecryptedOnce_IsKeptOnlyUnderItsExactBytes()
    {
        var provider = hub.Services.GetRequiredService<IDataProtectionProvider>();
        var protector = provider.CreateProtector(KeptFormTokens.Purpose);
        Assert.IsType<KeptFormTokens>(protector); // what anti-forgery's serializer is handed
        Assert.IsNotType<KeptFormTokens>(provider.CreateProtector("Microsolidarity.Something.Else")); // every other purpose as before

        var secret = "a token's bytes"u8.ToArray();
        var locked = protector.Protect(secret);
        Assert.NotEqual(locked, protector.Protect(secret)); // each form's token is still encrypted afresh
        var first = protector.Unprotect(locked);
        first[0] ^= 0xFF; // a caller changing its copy changes nothing kept
        Assert.Equal(secret, protector.Unprotect(locked));
        var tampered = (byte[])locked.Clone();
        tampered[^1] ^= 0x01;
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered)); // and is never kept
    }

    [Fact]
    public async Task KeptMembershipAndHostDashboard_ShowAChangeOnTheNextView()
    {
        var host = await SignedInAsync("host");
        var path = await CongregationTestKit.CreateAsync(host, Unique.Name("Kept Commons"), policy: "Request");
        var slug = CongregationTestKit.SlugOf(path);
        var (_, before) = await host.GetAsync($"{path}/host");
        Assert.Empty(before.QuerySelectorAll("form[action*='handler=Decide']"));

        // Someone reads the page as an outsider (kept: not a member) and asks to join; the host's dashboard, read a
        // moment ago, shows the request at once.
        var asker = await SignedInAsync("asker");
        var (_, outside) = await asker.GetAsync(path);
        Assert.NotNull(outside.QuerySelector("form[action*='handler=Request']"));
        var (asked, _) = await asker.SubmitAsync(path, new Dictionary<string, string> { ["Answers"] = "Crews, and the people in them." }, handler: "Request");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var (_, requested) = await host.GetAsync($"{path}/host");
        Assert.Equal(2, requested.QuerySelectorAll("form[action*='handler=Decide']").Length);

        // Welcomed: the asker's next view of the page is a member's, though "not a member" was kept seconds ago.
        var (welcomed, _) = await host.SubmitAsync($"{path}/host", new Dictionary<string, string>(), handler: "Decide");
        Assert.Equal(HttpStatusCode.Redirect, welcomed.StatusCode);
        var (_, member) = await asker.GetAsync(path);
        Assert.NotNull(member.QuerySelector("form[action*='handler=Leave']"));
        Assert.Equal(2, await CongregationTestKit.MembersAsync(hub, slug));

        // Leaving: the next view is an outsider's again, and the host's dashboard has no request left.
        var (left, _) = await asker.SubmitAsync(path, new Dictionary<string, string>(), handler: "Leave");
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        var (_, outsideAgain) = await asker.GetAsync(path);
        Assert.Null(outsideAgain.QuerySelector("form[action*='handler=Leave']"));
        var (_, after) = await host.GetAsync($"{path}/host");
        Assert.Empty(after.QuerySelectorAll("form[action*='handler=Decide']"));
    }

    private async Task<Testing.FormClient> SignedInAsync(string name)
    {
        var email = Unique.Email(name);
        await hub.CreatePersonAsync(email, Password, name: Unique.Name(name));
        return await hub.SignedInClientAsync(email, Password);
    }
}
