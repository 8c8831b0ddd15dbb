using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.People;

[Authorize]
public sealed class EditProfileModel(HubDbContext db, SaveProfile save) : HubPageModel
{
    [BindProperty]
    public Profile Input { get; set; } = new();

    [BindProperty]
    public List<int> Free { get; set; } = [];

    public string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync() =>
        Input = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == UserId) ?? new Profile { UserId = UserId };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear(); // every field is optional; the operation checks what matters
        Input.Pronouns ??= ""; Input.Bio ??= ""; Input.Interests ??= ""; Input.Skills ??= ""; Input.Offers ??= "";
        Input.Seeks ??= ""; Input.Languages ??= ""; Input.City ??= ""; Input.TimeZone ??= "";
        var outcome = await save.RunAsync(UserId, Input, Free, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(outcome.Field, outcome.Message);
            var grid = new char[168];
            Array.Fill(grid, '0');
            Free.Where(h => h is >= 0 and < 168).ToList().ForEach(h => grid[h] = '1');
            Input.Availability = new string(grid);
            return Page();
        }
        Notice = "Your profile is saved.";
        return RedirectToPage();
    }
}
