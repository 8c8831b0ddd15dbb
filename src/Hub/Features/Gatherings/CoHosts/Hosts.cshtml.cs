using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.People;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings.CoHosts;

/// <summary>
/// Who hosts an event, the invitations to co-host, and what each host did. For the event's hosts and for someone
/// invited to co-host it (to answer); to anyone else the page does not exist.
/// </summary>
[Authorize]
public sealed class CoHostsPage(ViewerLoader viewers, HubDbContext db, PeopleToPick people, InviteCoHost invite, AnswerCoHostInvitation answer, WithdrawCoHostInvitation withdraw, RemoveCoHost remove, DecideProposedEvent decide,
    IStringLocalizer<Strings> words) : HubPageModel
{
    public static string PathOf(Guid eventId) => $"/gatherings/{eventId}/hosts";

    /// <summary>
    /// One host; <paramref name="WaitingUserId"/> is set for an invitation still waiting, which a host may take back,
    /// <paramref name="CoHostUserId"/> for a co-host who accepted, whom another host may remove.
    /// </summary>
    public sealed record Host(string Name, string Role, string? WaitingUserId = null, string? CoHostUserId = null);
    public sealed record Action(string? Name, string What, string Reason, DateTime At);

    public GatheringEvent Event { get; private set; } = null!;
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;
    public bool IsHost { get; private set; }
    public bool IsCoHost { get; private set; }
    public string? ViewerId { get; private set; }
    public string? InvitedBy { get; private set; }
    public IReadOnlyList<Host> Hosts { get; private set; } = [];
    public string? CongregationName { get; private set; }
    public IReadOnlyList<Action> Actions { get; private set; } = [];
    public IReadOnlyList<PeopleToPick.Person> People { get; private set; } = [];

    [BindProperty] public string? Person { get; set; }
    [BindProperty] public string? Message { get; set; }
    [BindProperty] public bool Confirm { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>The viewer hosts the congregation a proposed event waits in, so they may say yes or not this time.</summary>
    public bool MayDecide { get; private set; }
    public string? ProposerName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is { } missing ? missing : Page();

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await viewers.LoadAsync(User, cancellationToken);
        if (await LoadAsync(id, cancellationToken, viewer) is { } missing)
        {
            return missing;
        }
        var choice = await people.ResolveAsync(viewer.UserId!, Person, cancellationToken);
        var outcome = choice is null ? Outcome.Refused(PeopleToPick.Refusal(words, Person), "Person") : await invite.RunAsync(viewer, id, choice, cancellationToken);
        return await AfterAsync(outcome, words["Gatherings.Notice.InvitationSent", choice?.Shown ?? ""], async () => await LoadAsync(id, cancellationToken) ?? Page());
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, bool accept, CancellationToken cancellationToken)
    {
        var viewer = await viewers.LoadAsync(User, cancellationToken);
        if (await LoadAsync(id, cancellationToken, viewer) is { } missing)
        {
            return missing;
        }
        return await AfterAsync(await answer.RunAsync(viewer, id, accept, cancellationToken),
            words[accept ? "Gatherings.Notice.CoHostAccepted" : "Gatherings.Notice.CoHostDeclined"],
            async () => await LoadAsync(id, cancellationToken) ?? Page(), accept ? PathOf(id) : $"/gatherings/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await viewers.LoadAsync(User, cancellationToken);
        if (await LoadAsync(id, cancellationToken, viewer) is { } missing)
        {
            return missing;
        }
        return await AfterAsync(await withdraw.RunAsync(viewer, Event, Person, cancellationToken), words["Gatherings.Notice.InvitationWithdrawn"],
            async () => await LoadAsync(id, cancellationToken) ?? Page());
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await viewers.LoadAsync(User, cancellationToken);
        if (await LoadAsync(id, cancellationToken, viewer) is { } missing)
        {
            return missing;
        }
        return await AfterAsync(await remove.RunAsync(viewer, Event, Person, Confirm, cancellationToken), words["Gatherings.Notice.CoHostRemoved"],
            async () => await LoadAsync(id, cancellationToken) ?? Page());
    }

    public async Task<IActionResult> OnPostStepDownAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await viewers.LoadAsync(User, cancellationToken);
        if (await LoadAsync(id, cancellationToken, viewer) is { } missing)
        {
            return missing;
        }
        return await AfterAsync(await answer.StepDownAsync(viewer, id, Reason, cancellationToken), words["Gatherings.Notice.SteppedDown"],
            async () => await LoadAsync(id, cancellationToken) ?? Page(), $"/gatherings/{id}");
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, bool approve, CancellationToken cancellationToken)
    {
        var viewer = await viewers.LoadAsync(User, cancellationToken);
        if (await LoadAsync(id, cancellationToken, viewer) is { } missing)
        {
            return missing;
        }
        return await AfterAsync(await decide.RunAsync(viewer, id, approve, Message, cancellationToken),
            words[approve ? "Gatherings.Notice.ProposalApproved" : "Gatherings.Notice.ProposalDeclined"],
            async () => await LoadAsync(id, cancellationToken) ?? Page(), approve ? $"/gatherings/{id}" : PathOf(id));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken, Viewer? viewer = null)
    {
        var e = await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        viewer ??= await viewers.LoadAsync(User, cancellationToken);
        if (e is null || !(viewer.CanHost(e) || viewer.CoHostInvitations.Contains(id)))
        {
            return NotFound();
        }
        Event = e;
        Zone = viewers.ZoneForPage(viewer, e);
        IsHost = viewer.CanHost(e);
        IsCoHost = viewer.CoHostedEvents.Contains(id);
        ViewerId = viewer.UserId;
        MayDecide = e.Approval == EventApproval.Proposed && e.CongregationId is { } proposedIn && (viewer.IsAdmin || viewer.HostedCongregations.Contains(proposedIn));
        var coHosts = await db.EventCoHosts.AsNoTracking().Where(c => c.EventId == id && (c.Status == CoHostStatus.Invited || c.Status == CoHostStatus.Accepted))
            .OrderBy(c => c.InvitedAt).Select(c => new { c.UserId, c.User.DisplayName, c.Status, c.InvitedByUserId }).ToListAsync(cancellationToken);
        var names = await db.Users.AsNoTracking().Where(u => u.Id == e.CreatedByUserId || coHosts.Select(c => c.InvitedByUserId).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        if (coHosts.FirstOrDefault(c => c.UserId == viewer.UserId && c.Status == CoHostStatus.Invited) is { } mine)
        {
            InvitedBy = names.GetValueOrDefault(mine.InvitedByUserId) ?? words["Gatherings.Hosts.AHost"];
        }
        ProposerName = names.GetValueOrDefault(e.CreatedByUserId) ?? words["Gatherings.Hosts.SomeoneWhoLeft"];
        Hosts = [
            .. names.TryGetValue(e.CreatedByUserId, out var creator) ? [new Host(creator, words[e.Approval == EventApproval.Approved ? "Gatherings.Hosts.PutOn" : "Gatherings.Hosts.Proposed"])] : Array.Empty<Host>(),
            .. coHosts.Select(c => c.Status == CoHostStatus.Accepted ? new Host(c.DisplayName, words["Gatherings.Hosts.CoHosts"], CoHostUserId: c.UserId) : new Host(c.DisplayName, words["Gatherings.Hosts.Invited"], c.UserId)),
        ];
        CongregationName = e.Scale == EventScale.Congregation && e.CongregationId is { } congregationId
            ? await db.Congregations.AsNoTracking().Where(c => c.Id == congregationId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (IsHost)
        {
            Actions = await db.EventHostActions.AsNoTracking().Where(a => a.EventId == id).OrderByDescending(a => a.At).Take(50)
                .GroupJoin(db.Users, a => a.ByUserId, u => u.Id, (a, u) => new { a, u })
                .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new Action(u == null ? null : u.DisplayName, x.a.What, x.a.Reason, x.a.At))
                .ToListAsync(cancellationToken);
            Actions = [.. Actions.OrderByDescending(a => a.At).Select(a => a with { Name = a.Name ?? words["Gatherings.Hosts.SomeoneWhoLeft"], What = StoredWords.Say(words, a.What) })];
            if (e.CancelledAt is null && e.ClosedAt is null)
            {
                People = await people.ListAsync(viewer.UserId, cancellationToken: cancellationToken);
            }
        }
        return null;
    }
}
