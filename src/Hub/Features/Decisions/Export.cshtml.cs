using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>A circle's decisions with their answers, as CSV or JSON, for its members to keep (administrators who are not members get none).</summary>
public sealed class ExportModel(DecisionAccess access, DecisionExport export) : DecisionPageModel(access)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IActionResult> OnGetAsync(string format)
    {
        // A working group's log is the congregation's to keep as well: its members read it (MayRead).
        if (await LoadCircleAsync(c => c.IsMember || c.MayRead) is { } refused)
        {
            return refused;
        }
        var items = await export.LoadAsync(Circle, HttpContext.RequestAborted);
        NotKept.Say(Response);
        var name = $"decisions-{Platform.Slugs.From(Circle.Name)}";
        return format == "csv" ? File(DecisionExport.Csv(items), SpreadsheetCsv.ContentType, $"{name}.csv")
            : File(JsonSerializer.SerializeToUtf8Bytes(items, Json), "application/json", $"{name}.json");
    }
}
