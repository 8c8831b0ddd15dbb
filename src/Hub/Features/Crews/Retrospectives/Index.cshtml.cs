using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>
/// Looking back together: what members chose to share with the crew, the changes it carries forward, its agreements
/// to look at again, and lessons offered to its congregation. The crew's alone: 404 to everyone else.
/// </summary>
[Authorize]
public sealed class CrewRetrospectiveModel(CrewAccess access, HubDbContext db, ShareReflection share, UnshareReflection unshare,
    CarryChange carry, DropChange drop, ShareLesson lesson, WithdrawLesson withdraw, AnswerLesson answer,
    IStringLocalizer<Strings> strings) : HubPageModel
{
    public CrewView View { get; private set; } = null!;

    /// <summary>The look back open now, where members share and gather changes.</summary>
    public LookBack? Open { get; private set; }

    /// <summary>What the page shows: the open look back, else the last term's end to read.</summary>
    public LookBack? Shown { get; private set; }
    public IReadOnlyList<SharedReflection> Reflections { get; private set; } = [];
    public SharedReflection? Mine => Reflections.FirstOrDefault(r => r.UserId == View.Me.UserId);
    public IReadOnlyList<CrewChange> Changes { get; private set; } = [];
    public Agreement? Agreements { get; private set; }
    public IReadOnlyList<CrewLesson> Lessons { get; private set; } = [];
    public string? CongregationName { get; private set; }
    public string? CongregationSlug { get; private set; }

    [BindProperty] public string? Worked { get; set; }
    [BindProperty] public string? DidNot { get; set; }
    [BindProperty] public string? OneChange { get; set; }
    [BindProperty] public string? Change { get; set; }
    [BindProperty] public Guid ItemId { get; set; }
    [BindProperty] public string? Lesson { get; set; }
    [BindProperty] public bool Signed { get; set; }
    [BindProperty] public bool Consents { get; set; }

    /// <summary>A lesson's answers as the crew reads them: who said yes, who keeps it in the crew, who has not answered.</summary>
    public sealed record LessonConsent(IReadOnlyList<string> Yes, IReadOnlyList<string> No, IReadOnlyList<string> Waiting, bool AsksMe, bool? Mine)
    {
        public bool Shared => Yes.Count > 0 && No.Count == 0 && Waiting.Count == 0;
    }

    public LessonConsent ConsentOf(CrewLesson l)
    {
        var asked = View.Joined.Where(m => CrewLessonSharing.Asks(m, l.SharedAt)).ToList();
        bool? AnswerOf(string userId) => l.Answers.FirstOrDefault(a => a.UserId == userId)?.Consents;
        return new LessonConsent(
            [.. asked.Where(m => AnswerOf(m.UserId) == true).Select(m => m.User.DisplayName)],
            [.. asked.Where(m => AnswerOf(m.UserId) == false).Select(m => m.User.DisplayName)],
            [.. asked.Where(m => AnswerOf(m.UserId) is null).Select(m => m.User.DisplayName)],
            CrewLessonSharing.Asks(View.Me, l.SharedAt),
            AnswerOf(View.Me.UserId));
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? await ShowAsync();

    public async Task<IActionResult> OnPostShareAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await share.RunAsync(View, Worked ?? "", DidNot ?? "", OneChange ?? "", HttpContext.RequestAborted),
            strings["Crews.Retro.Shared.Notice"], ShowAsync);

    public async Task<IActionResult> OnPostUnshareAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await unshare.RunAsync(View, HttpContext.RequestAborted), strings["Crews.Retro.Unshared.Notice"], ShowAsync);

    public async Task<IActionResult> OnPostCarryAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await carry.RunAsync(View, Change ?? "", HttpContext.RequestAborted), strings["Crews.Retro.Carried.Notice"], ShowAsync);

    public async Task<IActionResult> OnPostDropAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await drop.RunAsync(View, ItemId, HttpContext.RequestAborted), strings["Crews.Retro.Dropped.Notice"], ShowAsync);

    public async Task<IActionResult> OnPostLessonAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await lesson.RunAsync(View, Lesson ?? "", Signed, HttpContext.RequestAborted),
            strings["Crews.Retro.Offered.Notice"], ShowAsync);

    public async Task<IActionResult> OnPostConsentAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await answer.RunAsync(View, ItemId, Consents, HttpContext.RequestAborted),
            Consents ? strings["Crews.Retro.Yes.Notice"] : strings["Crews.Retro.No.Notice"], ShowAsync, $"{Request.Path}#lesson-{ItemId}");

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await withdraw.RunAsync(View, ItemId, HttpContext.RequestAborted), strings["Crews.Retro.Withdrawn.Notice"], ShowAsync);

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await access.LoadAsync(id, User, HttpContext.RequestAborted) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return null;
    }

    private async Task<IActionResult> ShowAsync()
    {
        var crew = View.Crew;
        var cancellationToken = HttpContext.RequestAborted;
        Open = LookBack.Open(View);
        Shown = Open ?? (crew.Term > 1 ? new LookBack(crew.Term - 1, 0) : null);
        if (Shown is { } shown)
        {
            Reflections = await db.SharedReflections.AsNoTracking()
                .Where(r => r.CrewId == crew.Id && r.Term == shown.Term && r.AtMeeting == shown.AtMeeting)
                .OrderBy(r => r.SharedAt).ToListAsync(cancellationToken);
            Changes = await db.CrewChanges.AsNoTracking()
                .Where(c => c.CrewId == crew.Id && c.Term == shown.Term && c.AtMeeting == shown.AtMeeting)
                .OrderBy(c => c.AddedAt).ToListAsync(cancellationToken);
        }
        Agreements = await db.Agreements.AsNoTracking().Where(a => a.CrewId == crew.Id && a.State == AgreementState.InForce).FirstOrDefaultAsync(cancellationToken);
        Lessons = await db.CrewLessons.AsNoTracking().Include(l => l.Answers).Where(l => l.CrewId == crew.Id).OrderByDescending(l => l.SharedAt).ToListAsync(cancellationToken);
        if (crew.CongregationId is { } congregationId)
        {
            var congregation = await db.Congregations.AsNoTracking().Where(c => c.Id == congregationId).Select(c => new { c.Name, c.Slug }).SingleOrDefaultAsync(cancellationToken);
            CongregationName = congregation?.Name;
            CongregationSlug = congregation?.Slug;
        }
        return Page();
    }
}
