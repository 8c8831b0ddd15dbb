using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.People;

[Authorize]
[UploadLimit(SetProfilePhoto.MaxUploadBytes)]
public sealed class EditProfileModel(HubDbContext db, SaveProfile save, SetProfilePhoto photo, IStringLocalizer<Strings> strings) : HubPageModel
{
    [BindProperty]
    public IFormFile? Photo { get; set; }

    [BindProperty]
    public Visibility PhotoVisibility { get; set; } = Visibility.MyGroups;

    [BindProperty]
    public Profile Input { get; set; } = new();

    [BindProperty]
    public List<int> Free { get; set; } = [];

    public string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        Input = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == UserId) ?? new Profile { UserId = UserId };
        PhotoVisibility = Input.PhotoVisibility;
    }

    public async Task<IActionResult> OnPostPhotoAsync(CancellationToken cancellationToken)
    {
        await using var stream = Photo?.OpenReadStream();
        var outcome = await photo.RunAsync(UserId, stream, Photo?.Length ?? 0, PhotoVisibility, cancellationToken);
        if (!outcome.Succeeded && Photo is { Length: > SetProfilePhoto.MaxBytes })
        {
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge; // the form again, the reason beside the field
        }
        return await AfterAsync(outcome, Photo is null ? strings["People.Photo.SavedVisibility"] : strings["People.Photo.Saved"], RedisplayAsync);
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await photo.RemoveAsync(UserId, cancellationToken), strings["People.Photo.Removed"], RedisplayAsync);

    private async Task<IActionResult> RedisplayAsync()
    {
        var chosen = PhotoVisibility;
        await LoadAsync();
        PhotoVisibility = chosen;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear(); // every field is optional; the operation checks what matters
        Input.Pronouns ??= ""; Input.Bio ??= ""; Input.Interests ??= ""; Input.Skills ??= ""; Input.Offers ??= "";
        Input.Seeks ??= ""; Input.Languages ??= ""; Input.City ??= ""; Input.TimeZone ??= "";
        var outcome = await save.RunAsync(UserId, Input, Free, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome);
            var grid = new char[168];
            Array.Fill(grid, '0');
            Free.Where(h => h is >= 0 and < 168).ToList().ForEach(h => grid[h] = '1');
            Input.Availability = new string(grid);
            return Page();
        }
        Notice = strings["People.Profile.Saved"];
        return RedirectToPage();
    }
}
