using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;

namespace Microsolidarity.Hub.Features.Crews.Agreements;

/// <summary>
/// A crew or a dyad as the keeper of its agreements: who is in it now (everyone who must accept a version before
/// it comes into force) and who is looking. Built only from a view its access class returned, so a group is never
/// made for someone outside it.
/// </summary>
public sealed record AgreementGroup(Guid? CrewId, Guid? DyadId, string MeUserId, bool IsMember, IReadOnlyList<AgreementGroup.Person> Members)
{
    public sealed record Person(string UserId, string Name);

    public bool IsDyad => DyadId is not null;

    /// <summary>
    /// Whether the group has ended (a closed crew, a dyad that is over): its agreements stay to read, and nobody
    /// proposes or accepts any more. The operations ask the database (<see cref="EndedAsync"/>), not this flag.
    /// </summary>
    public bool Ended { get; init; }

    /// <summary>Whether the group has ended, read from the database at the moment an operation would write.</summary>
    public Task<bool> EndedAsync(HubDbContext db, CancellationToken cancellationToken = default) =>
        CrewId is { } crewId
            ? db.Crews.AnyAsync(c => c.Id == crewId && c.Stage == CrewStage.Disbanded, cancellationToken)
            : db.Dyads.AnyAsync(d => d.Id == DyadId && (d.Status == Data.Dyads.DyadStatus.Ended || d.Status == Data.Dyads.DyadStatus.Declined), cancellationToken);

    public string NameOf(string userId) => Members.FirstOrDefault(m => m.UserId == userId)?.Name ?? "someone no longer here";

    /// <summary>A crew's current members; someone invited, paused or gone reads along but does not accept.</summary>
    public static AgreementGroup Of(CrewView view) =>
        new(view.Crew.Id, null, view.Me.UserId, view.IsJoined, [.. view.Joined.Select(m => new Person(m.UserId, m.User.DisplayName))])
        {
            Ended = view.Crew.Stage == CrewStage.Disbanded,
        };

    /// <summary>The agreements of the group, newest version first.</summary>
    public IQueryable<Agreement> Query(HubDbContext db) =>
        CrewId is { } crewId ? db.Agreements.Where(a => a.CrewId == crewId) : db.Agreements.Where(a => a.DyadId == DyadId);

    /// <summary>Every version with who accepted it, newest first: what the agreements page and the retrospective show.</summary>
    public async Task<IReadOnlyList<Agreement>> LoadAsync(HubDbContext db, CancellationToken cancellationToken = default) =>
        await Query(db).AsNoTracking().Include(a => a.Acceptances.OrderBy(x => x.AcceptedAt))
            .OrderByDescending(a => a.Version).ToListAsync(cancellationToken);
}

/// <summary>Where a group starts: a short draft to change freely, in the hub's own words.</summary>
public static class AgreementTemplates
{
    public const int MaxLength = 8000;

    /// <summary>A crew's draft, in the reader's language: one paragraph per agreement.</summary>
    public static string Crew(IStringLocalizer strings) => string.Join("\n\n",
        ((string[])["Confidentiality", "Attendance", "Deciding", "Ending"]).Select(k => strings[$"Crews.Agreements.Draft.{k}"].Value));

    /// <summary>A dyad's draft, lighter.</summary>
    public static string Dyad(IStringLocalizer strings) => string.Join("\n\n",
        ((string[])["Between", "Meeting", "Ending"]).Select(k => strings[$"Dyads.Agreements.Draft.{k}"].Value));
}
