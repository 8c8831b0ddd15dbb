using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>One call's rooms in Zoom's breakout pre-assignment format: one row per participant who attends.</summary>
[Authorize]
public sealed class ProgramZoomCsvModel(ProgramAccess access) : PageModel
{
    /// <summary>Zoom's column names, by which it recognises the file.</summary>
    public const string RoomColumn = "Pre-assign Room Name", EmailColumn = "Email Address";

    public async Task<IActionResult> OnGetAsync(Guid id, int call, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(id, User, cancellationToken) is not { } view || call < 1 || call > view.Rooms.Length)
        {
            return NotFound();
        }
        // The emails are what a facilitator pasted into a roster: one that starts like a formula is written as text.
        using var csv = new SpreadsheetCsv(RoomColumn, EmailColumn);
        for (var r = 0; r < view.Rooms[call - 1].Length; r++)
        {
            foreach (var person in view.Rooms[call - 1][r])
            {
                csv.Text($"Room {r + 1}").Text(view.People[person].Email).EndRow();
            }
        }
        return File(csv.ToUtf8(), SpreadsheetCsv.ContentType, $"call-{call}-breakout-rooms.csv");
    }
}
