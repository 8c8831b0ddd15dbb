using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

internal static class GatheringCrewsTestKit
{
    /// <summary>The temporary crews' pages in each state, for the Nu HTML checker (HtmlValidityTests): three people going, the admin hosting.</summary>
    public static async Task<Dictionary<string, string>> PagesForValidityAsync(FormClient admin, FormClient kim, FormClient lou)
    {
        var pages = new Dictionary<string, string>();
        async Task<string> Html(FormClient c, string url) => await (await c.Http.GetAsync(url)).Content.ReadAsStringAsync();
        async Task<string> Posted(FormClient c, string url, Dictionary<string, string> fields, string handler)
        {
            await c.SubmitAsync(url, fields, handler);
            return c.LastHtml;
        }
        var gathering = await GatheringTestKit.CreateAsync(admin, GatheringTestKit.Form("network", "Valid tables", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(12))));
        var crews = $"{gathering}/crews";
        pages["gathering crews, host, nobody going"] = await Html(admin, crews);
        foreach (var person in new[] { admin, kim, lou })
        {
            await person.SubmitAsync(gathering, new Dictionary<string, string> { ["Reply"] = "Going" }, "Answer");
        }
        pages["gathering crews, attendee, rather-not form"] = await Html(kim, crews);
        await kim.SubmitAsync(crews, new Dictionary<string, string>(), "RatherNot");
        pages["gathering crews, attendee, rather-not saved"] = await Html(kim, crews);
        pages["gathering crews, host, size with errors"] = await Posted(admin, crews, new() { ["Size"] = "9" }, "Form");
        await admin.SubmitAsync(crews, new Dictionary<string, string> { ["Size"] = "3" }, "Form");
        pages["gathering crews, host, formed"] = await Html(admin, crews);
        pages["gathering crews, attendee, waiting"] = await Html(kim, crews);
        pages["gathering crews, host, form again to confirm"] = await Posted(admin, crews, new() { ["Size"] = "3" }, "Form");
        pages["gathering crews, print before publishing"] = await Html(admin, $"{crews}/print");
        await admin.SubmitAsync(crews, new Dictionary<string, string>(), "Publish");
        pages["gathering crews, host, published"] = await Html(admin, crews);
        pages["gathering crews, attendee, published"] = await Html(kim, crews);
        pages["gathering crews, event page with my crew"] = await Html(kim, gathering);
        await kim.SubmitAsync(crews, new Dictionary<string, string> { ["GoOn"] = "true" }, "Continue");
        pages["gathering crews, attendee said yes"] = await Html(kim, crews);
        pages["gathering crews, print"] = await Html(admin, $"{crews}/print");
        return pages;
    }
}
