using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Features.Handbook;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Features.Handbook;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>Every page, as the server sends it, through the Nu HTML Checker: no errors.</summary>
public sealed class HtmlValidityTests
{
    [Fact]
    public async Task EveryPage_AnonymousSignedInAndWithErrors_IsValidHtml()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false, environment: "Development");
        var pages = new Dictionary<string, string>();
        var visitor = hub.NewClient();
        foreach (var path in new[]
        {
            "/", "/handbook", "/congregations", "/crews", "/gatherings", "/commons", "/account/sign-up", "/account/sign-in",
            "/account/forgot-password", "/account/resend-confirmation", "/account/check-email", "/no-such-page",
            "/account/confirm-email?user=x&code=y", "/account/reset-password?user=x&code=y", "/account/sign-out",
            "/account/confirm-email-change?user=x&email=a@b.example&code=y",
        })
        {
            var response = await visitor.Http.GetAsync(path);
            pages[path] = await response.Content.ReadAsStringAsync();
        }
        pages["sign-up with errors"] = await HtmlOfAsync(visitor, "/account/sign-up", new() { ["Input.Email"] = "nope", ["Input.Password"] = "short" });
        pages["sign-in with errors"] = await HtmlOfAsync(visitor, "/account/sign-in", new() { ["Input.Email"] = "a@b.example", ["Input.Password"] = "wrong one" });
        pages["forgot-password sent"] = await HtmlOfAsync(visitor, "/account/forgot-password", new() { ["Email"] = "a@b.example" });

        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
        foreach (var path in new[] { "/account", "/account/delete", "/dev/mailbox" })
        {
            pages[$"admin {path}"] = await (await admin.Http.GetAsync(path)).Content.ReadAsStringAsync();
        }
        pages["account with errors"] = await HtmlOfAsync(admin, "/account", new() { ["Email.NewEmail"] = "x", ["Email.Password"] = "" }, "ChangeEmail");
        pages["handbook empty"] = await (await admin.Http.GetAsync("/handbook")).Content.ReadAsStringAsync();
        pages["admin /admin/handbook empty"] = await (await admin.Http.GetAsync("/admin/handbook")).Content.ReadAsStringAsync();
        pages["admin handbook with errors"] = await HtmlOfAsync(admin, "/admin/handbook", new() { ["Input.Source"] = "" });
        var sample = SampleHandbook.Write();
        using (var scope = hub.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(sample);
        }
        Directory.Delete(sample, recursive: true);
        foreach (var path in new[] { "/handbook", "/handbook/practices/crews", "/handbook/practices/retrospectives", "/handbook/places/caf%C3%A9", "/search", "/search?q=crews", "/search?q=zzyzx", "/admin/handbook" })
        {
            pages[$"handbook {path}"] = await (await admin.Http.GetAsync(path)).Content.ReadAsStringAsync();
        }
        pages["delete with errors"] = await HtmlOfAsync(admin, "/account/delete", new() { ["Password"] = "wrong" });

        // A page known to be wrong goes along, so a checker that silently checks nothing fails the test.
        pages["control"] = "<!DOCTYPE html><html lang=en><title>x</title><p><div></p>";
        var errors = await NuHtmlChecker.ErrorsAsync(pages);
        Assert.Contains(errors, e => e.StartsWith("control:", StringComparison.Ordinal));
        var real = errors.Where(e => !e.StartsWith("control:", StringComparison.Ordinal)).ToList();
        Assert.True(real.Count == 0, string.Join("\n", real));
    }

    private static async Task<string> HtmlOfAsync(FormClient client, string url, Dictionary<string, string> fields, string? handler = null)
    {
        await client.SubmitAsync(url, fields, handler);
        return client.LastHtml;
    }
}
