using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.People;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews;

[Authorize]
public sealed class NewCrewModel(CallCrew call, HubDbContext db, ViewerClock clock, PeopleToPick people, IStringLocalizer<Strings> strings) : HubPageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Crews.New.NameRequired")]
        [StringLength(120)]
        public string Name { get; set; } = "";

        [StringLength(2000)]
        public string? Purpose { get; set; }

        [Required(ErrorMessage = "Crews.New.InviteesRequired")]
        public string Invitees { get; set; } = "";

        /// <summary>One more person picked by name (the script moves each pick into <see cref="Invitees"/>).</summary>
        public string? InviteePick { get; set; }

        public CrewCadence Cadence { get; set; } = CrewCadence.Weekly;

        [Range(2, 12, ErrorMessage = "Crews.New.MeetingsRange")]
        public int Meetings { get; set; } = 6;

        public DayOfWeek SlotDay { get; set; } = DayOfWeek.Tuesday;

        [Required(ErrorMessage = "Crews.New.TimeRequired")]
        public string SlotTime { get; set; } = "19:00";

        [Required(ErrorMessage = "Crews.New.ZoneRequired")]
        public string TimeZone { get; set; } = "";

        /// <summary>Empty for a crew on its own.</summary>
        public Guid? CongregationId { get; set; }
    }

    public sealed record Option(Guid Id, string Name, string Slug);

    /// <summary>The congregations the caller belongs to: a crew may be called inside one of them.</summary>
    public IReadOnlyList<Option> Congregations { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The caller's fellow members, to pick by name.</summary>
    public IReadOnlyList<PeopleToPick.Person> People { get; private set; } = [];

    public async Task OnGetAsync(string? congregation, CancellationToken cancellationToken)
    {
        await LoadCongregationsAsync(cancellationToken);
        Input.CongregationId = Congregations.FirstOrDefault(c => c.Slug == congregation)?.Id;
        await clock.ZoneAsync();
        Input.TimeZone = clock.OwnZone?.Id ?? ""; // empty: the page's script fills in the device's zone
    }

    private async Task LoadCongregationsAsync(CancellationToken cancellationToken)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        People = await people.ListAsync(me, cancellationToken: cancellationToken);
        Congregations = await db.Memberships.AsNoTracking().Where(m => m.UserId == me).OrderBy(m => m.Congregation.Name)
            .Select(m => new Option(m.CongregationId, m.Congregation.Name, m.Congregation.Slug)).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadCongregationsAsync(cancellationToken);
        if (!TimeOnly.TryParse(Input.SlotTime, System.Globalization.CultureInfo.InvariantCulture, out var slot))
        {
            ModelState.AddModelError("Input.SlotTime", strings["Crews.New.TimeFormat"]);
        }
        if (!string.IsNullOrWhiteSpace(Input.InviteePick))
        {
            Input.Invitees = string.Join("\n", new[] { Input.Invitees?.Trim(), Input.InviteePick.Trim() }.Where(s => !string.IsNullOrEmpty(s)));
            Input.InviteePick = null;
            ModelState.Remove("Input.Invitees"); // the pick may be the list's first line
        }
        // Each line a name picked from the caller's fellow members, or an email address for anyone else.
        var emails = new List<string>();
        var unknown = new List<string>();
        foreach (var line in (Input.Invitees ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var choice = await people.ResolveAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, line, cancellationToken);
            if ((choice is null ? null : await people.EmailOfAsync(choice, cancellationToken)) is { } email)
            {
                emails.Add(email);
            }
            else
            {
                unknown.Add(line);
            }
        }
        if (unknown.Count > 0)
        {
            ModelState.AddModelError("Input.Invitees", strings["Crews.New.NotAnAddress", string.Join(", ", unknown)]);
        }
        var input = new CallCrew.Input(Input.Name ?? "", Input.Purpose ?? "", emails,
            Input.Cadence, Input.Meetings, Input.SlotDay, slot, Input.TimeZone ?? "")
        { CongregationId = Input.CongregationId };
        if (!ModelState.IsValid)
        {
            // Say everything wrong at once: the operation's own checks too, where the field has no message yet.
            foreach (var (field, message) in CallCrew.Problems(input, strings).Where(p => ModelState[$"Input.{p.Field}"] is not { Errors.Count: > 0 }))
            {
                ModelState.AddModelError($"Input.{field}", message);
            }
            return Page();
        }
        var (outcome, id) = await call.RunAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, input, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, "Input");
            return Page();
        }
        Notice = strings["Crews.New.Sent"];
        return Redirect($"/crews/{id}");
    }
}
