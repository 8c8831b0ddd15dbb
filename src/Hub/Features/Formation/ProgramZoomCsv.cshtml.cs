using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Microsolidarity.Hub.Features.Formation;

/// <summary>One call's rooms in Zoom's breakout pre-assignment format: one row per participant who attends.</summary>
[Authorize]
public sealed class ProgramZoomCsvModel(ProgramAccess access) : PageModel
{
    public const string Header = "Pre-assign Room Name,Email Address";

    public async Task<IActionResult> OnGetAsync(Guid id, int call, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(id, User, cancellationToken) is not { } view || call < 1 || call > view.Rooms.Length)
        {
            return NotFound();
        }
        var csv = new StringBuilder(Header).Append("\r\n");
        for (var r = 0; r < view.Rooms[call - 1].Length; r++)
        {
            foreach (var person in view.Rooms[call - 1][r])
            {
                csv.Append("Room ").Append(r + 1).Append(',').Append(Field(view.People[person].Email)).Append("\r\n");
            }
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"call-{call}-breakout-rooms.csv");
    }

    /// <summary>Quotes a field only when CSV needs it (the parsed emails never do; Zoom reads them as they are).</summary>
    private static string Field(string value) => value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}
