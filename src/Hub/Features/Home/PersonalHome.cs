using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Home;

/// <summary>
/// What a signed-in person's home leads with: their next crew meeting, the dates they said yes to, what
/// waits for their answer, their groups at each scale, and one next step on their pathway. Reads only
/// what concerns the person (their memberships, their answers, invitations to their confirmed address).
/// </summary>
public sealed class PersonalHome(HubDbContext db, TimeProvider time, UpcomingOccurrences occurrences, IEnumerable<ICohortRooms> cohorts,
    IStringLocalizer<Strings> strings)
{
    public sealed record Meeting(Guid CrewId, string CrewName, int Number, int Of, DateTime StartsAt, string Host, string Focus, bool YouHost, bool YouFocus, bool HasNotes)
    {
        /// <summary>The meeting's plan and notes on the crew's page.</summary>
        public string Url => $"/crews/{CrewId}#meeting-{Number}";
    }

    public sealed record EventDateRow(string Title, string Url, DateTime StartsAt, string Owner, bool IsOnline);
    public sealed record CrewInvitation(Guid CrewId, string Name, string CallerName, string Rhythm);
    public sealed record DyadProposal(Guid DyadId, string ProposerName, string Kind, int Weeks);
    public sealed record CongregationInvitation(Guid Id, string Congregation, string Slug, string InviterName, DateTime ExpiresAt);
    public sealed record JoinRequestRow(string Congregation, string Slug, string RequesterName, DateTime At);
    /// <summary>An invitation to take on more (to co-host an event, to host a congregation, a level, the network), answered on its own page.</summary>
    public sealed record OfferRow(string Title, string Text, string Url, string Action);
    public sealed record RoundRow(string Congregation, string Title, string Url, DateTime? Due, bool Proposal);
    public sealed record Group(string Name, string Url, string Note);
    public sealed record Step(string Title, string Text, string Url, string Action);

    public sealed record View(
        string Name,
        Meeting? NextMeeting,
        CohortRoom? NextRoom,
        IReadOnlyList<EventDateRow> Going,
        IReadOnlyList<CrewInvitation> CrewInvitations,
        IReadOnlyList<DyadProposal> DyadProposals,
        IReadOnlyList<CongregationInvitation> CongregationInvitations,
        IReadOnlyList<JoinRequestRow> JoinRequests,
        IReadOnlyList<RoundRow> Rounds,
        IReadOnlyList<OfferRow> Offers,
        IReadOnlyList<Group> Crews,
        IReadOnlyList<Group> Dyads,
        IReadOnlyList<Group> Congregations,
        Step NextStep,
        string? Language)
    {
        public int WaitingCount => CrewInvitations.Count + DyadProposals.Count + CongregationInvitations.Count + JoinRequests.Count + Rounds.Count + Offers.Count;
    }

    public async Task<View> LoadAsync(string me, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var person = await db.Users.AsNoTracking().Where(u => u.Id == me)
            .Select(u => new { u.DisplayName, u.NormalizedEmail, u.EmailConfirmed, u.Language }).SingleAsync(cancellationToken);

        var crewRows = await db.CrewMembers.AsNoTracking()
            .Where(m => m.UserId == me && m.Crew.Stage != CrewStage.Disbanded
                && (m.Status == CrewMemberStatus.Joined || m.Status == CrewMemberStatus.Invited || m.Status == CrewMemberStatus.Paused))
            .Select(m => new
            {
                m.Status,
                m.Crew.Id,
                m.Crew.Name,
                m.Crew.Stage,
                m.Crew.JoinedCount,
                m.Crew.Cadence,
                m.Crew.SlotDay,
                m.Crew.SlotTime,
                m.Crew.TimeZone,
                m.Crew.MeetingsPerTerm,
                m.Crew.Term,
                Caller = db.Users.Where(u => u.Id == m.Crew.CallerUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var joinedCrews = crewRows.Where(c => c.Status == CrewMemberStatus.Joined).Select(c => c.Id).ToList();

        // A meeting under way still counts as next for its hour, so the link to its plan is there while it runs.
        var meetingFrom = now.AddHours(-1);
        var next = await db.CrewMeetings.AsNoTracking()
            .Where(m => joinedCrews.Contains(m.CrewId) && m.StartsAt > meetingFrom
                && db.Crews.Any(c => c.Id == m.CrewId && c.Term == m.Term && c.Stage == CrewStage.Meeting))
            .OrderBy(m => m.StartsAt)
            .Select(m => new
            {
                m.CrewId,
                m.Number,
                m.Term,
                m.StartsAt,
                m.HostUserId,
                m.FocusUserId,
                HasNotes = m.Notes != "",
                Host = db.Users.Where(u => u.Id == m.HostUserId).Select(u => u.DisplayName).FirstOrDefault(),
                Focus = db.Users.Where(u => u.Id == m.FocusUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        Meeting? meeting = null;
        if (next is not null)
        {
            var crew = crewRows.First(c => c.Id == next.CrewId);
            meeting = new Meeting(next.CrewId, crew.Name, next.Number, crew.MeetingsPerTerm, next.StartsAt, next.Host ?? strings["Home.Mine.SomeoneWhoLeft"],
                next.Focus ?? strings["Home.Mine.SomeoneWhoLeft"], next.HostUserId == me, next.FocusUserId == me, next.HasNotes);
        }

        var crewInvitations = crewRows.Where(c => c.Status == CrewMemberStatus.Invited)
            .Select(c => new CrewInvitation(c.Id, c.Name, c.Caller ?? strings["Home.Mine.Someone"],
                strings[$"Home.Mine.Rhythm.{c.Cadence}", DateFormats.Culture.DateTimeFormat.GetDayName(c.SlotDay), c.SlotTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), c.TimeZone]
                    + ", " + strings.Plural("Home.Mine.Meetings", c.MeetingsPerTerm)))
            .ToList();
        var crews = crewRows.Where(c => c.Status != CrewMemberStatus.Invited)
            .Select(c => new Group(c.Name, $"/crews/{c.Id}", c.Status == CrewMemberStatus.Paused ? strings["Home.Mine.Crew.Paused"] : c.Stage switch
            {
                CrewStage.Forming => c.JoinedCount >= Crews.CrewsFeature.MinSize
                    ? strings["Home.Mine.Crew.Ready", c.JoinedCount]
                    : strings["Home.Mine.Crew.Forming", c.JoinedCount, Crews.CrewsFeature.MinSize],
                CrewStage.Meeting => strings["Home.Mine.Crew.Meeting", c.Term],
                _ => strings["Home.Mine.Crew.Retrospective"],
            }))
            .ToList();

        var dyadRows = await db.Dyads.AsNoTracking()
            .Where(d => (d.ProposerUserId == me || d.PartnerUserId == me) && (d.Status == DyadStatus.Proposed || d.Status == DyadStatus.Active))
            .OrderByDescending(d => d.ProposedAt)
            .Select(d => new
            {
                d.Id,
                d.Kind,
                d.Status,
                d.TermWeeks,
                d.EndsAt,
                IProposed = d.ProposerUserId == me,
                // Until they answer, the proposer sees the address they typed, not a name (as on the dyads page).
                Other = d.ProposerUserId == me && d.Status == DyadStatus.Proposed
                    ? db.Users.Where(u => u.Id == d.PartnerUserId).Select(u => u.Email).FirstOrDefault()
                    : db.Users.Where(u => u.Id == (d.ProposerUserId == me ? d.PartnerUserId : d.ProposerUserId)).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var dyadProposals = dyadRows.Where(d => d.Status == DyadStatus.Proposed && !d.IProposed)
            .Select(d => new DyadProposal(d.Id, d.Other ?? strings["Home.Mine.Someone"], strings[$"Dyad.Kind.{d.Kind}"], d.TermWeeks)).ToList();
        var dyads = dyadRows.Where(d => d.Status == DyadStatus.Active || d.IProposed)
            .Select(d => new Group(d.Other ?? strings["Home.Mine.SomeoneLower"], d.Status == DyadStatus.Active ? $"/dyads/{d.Id}" : "/dyads",
                d.Status != DyadStatus.Active ? strings["Home.Mine.Dyad.Waiting", strings[$"Dyad.Kind.{d.Kind}"]]
                    : d.EndsAt is { } ends ? strings["Home.Mine.Dyad.Until", strings[$"Dyad.Kind.{d.Kind}"], DateFormats.Format(ends, "d MMMM")]
                    : strings[$"Dyad.Kind.{d.Kind}"]))
            .ToList();

        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == me)
            .OrderBy(m => m.Congregation.Name)
            .Select(m => new { m.CongregationId, m.Congregation.Name, m.Congregation.Slug, Level = m.Level.Name, m.IsHost })
            .ToListAsync(cancellationToken);
        var congregations = memberships.Select(m => new Group(m.Name, $"/congregations/{m.Slug}", m.IsHost ? strings["Home.Mine.LevelHost", m.Level] : m.Level)).ToList();
        var mine = memberships.Select(m => m.CongregationId).ToList();

        // Invitations to the person's confirmed address only: the address is what an invitation belongs to.
#pragma warning disable CA1304, CA1311, CA1862 // translated to the database's upper(): culture does not apply
        List<CongregationInvitation> congregationInvitations = !person.EmailConfirmed || person.NormalizedEmail is null ? [] : (await db.Invitations.AsNoTracking()
            .Where(i => i.Email.ToUpper() == person.NormalizedEmail && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now
                && !mine.Contains(i.CongregationId))
            .OrderBy(i => i.CreatedAt)
            .Select(i => new
            {
                i.Id,
                i.Congregation.Name,
                i.Congregation.Slug,
                Inviter = db.Users.Where(u => u.Id == i.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                i.ExpiresAt,
            })
            .ToListAsync(cancellationToken))
            // A congregation invited twice shows once: the newest invitation replaced the older one anyway.
            .GroupBy(i => i.Slug).Select(g => g.Last())
            .Select(i => new CongregationInvitation(i.Id, i.Name, i.Slug, i.Inviter ?? strings["Home.Mine.AHostOf", i.Name], i.ExpiresAt)).ToList();
#pragma warning restore CA1304, CA1311, CA1862

        var hosting = memberships.Where(m => m.IsHost).Select(m => m.CongregationId).ToList();
        List<JoinRequestRow> joinRequests = hosting.Count == 0 ? [] : (await db.JoinRequests.AsNoTracking()
            .Where(r => hosting.Contains(r.CongregationId) && r.Status == JoinRequestStatus.Pending)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Congregation.Name, r.Congregation.Slug, Requester = r.User.DisplayName, r.CreatedAt })
            .ToListAsync(cancellationToken))
            .Select(r => new JoinRequestRow(r.Name, r.Slug, r.Requester, r.CreatedAt)).ToList();

        List<RoundRow> rounds = mine.Count == 0 ? [] : (await db.FormationRounds.AsNoTracking()
            .Where(r => r.CongregationId != null && mine.Contains(r.CongregationId.Value)
                && ((r.Stage == FormationStage.Open && r.PreferencesDueAt > now && !r.Participants.Any(p => p.UserId == me))
                    || (r.Stage == FormationStage.Published && r.Participants.Any(p => p.UserId == me && p.ProposedCrewId != null && p.Answer == ProposalAnswer.Waiting))))
            .OrderBy(r => r.PreferencesDueAt)
            .Select(r => new { r.Id, r.Title, r.Stage, r.PreferencesDueAt, r.CongregationId })
            .ToListAsync(cancellationToken))
            .Select(r => (Round: r, Congregation: memberships.First(m => m.CongregationId == r.CongregationId)))
            .Select(x => new RoundRow(x.Congregation.Name, x.Round.Title, $"/congregations/{x.Congregation.Slug}/formation/{x.Round.Id}",
                x.Round.Stage == FormationStage.Open ? x.Round.PreferencesDueAt : null, x.Round.Stage == FormationStage.Published)).ToList();

        var offers = await OffersAsync(me, cancellationToken);
        var going = await GoingAsync(me, now, cancellationToken);

        // Someone without a crew and no round to join is shown an open call they have not answered, if one is open.
        var inACrew = crewRows.Any(c => c.Status == CrewMemberStatus.Joined);
        var call = inACrew || mine.Count == 0 || rounds.Any(r => !r.Proposal) ? null : await db.CrewCalls.AsNoTracking()
            .Where(c => mine.Contains(c.CongregationId) && c.State == CrewCallState.Open && c.ClosesAt > now && c.CallerUserId != me
                && !c.Requests.Any(r => r.UserId == me))
            .OrderBy(c => c.ClosesAt)
            .Select(c => new CallRow(c.Id, c.Name, c.Caller.DisplayName, c.CongregationId))
            .FirstOrDefaultAsync(cancellationToken);
        Step? callStep = null;
        if (call is not null)
        {
            var at = memberships.First(m => m.CongregationId == call.CongregationId);
            callStep = new Step(strings["Home.Step.Call"], strings["Home.Step.CallText", call.Caller, at.Name, call.Name],
                $"/congregations/{at.Slug}/calls/{call.Id}", strings["Home.Step.CallAction"]);
        }

        // The next call of a practice program the person is in: their breakout room and who is in it.
        CohortRoom? nextRoom = null;
        foreach (var cohort in cohorts)
        {
            if (await cohort.NextAsync(me, now, cancellationToken) is { } room && (nextRoom is null || room.StartsAt < nextRoom.StartsAt))
            {
                nextRoom = room;
            }
        }

        return new View(person.DisplayName, meeting, nextRoom, going, crewInvitations, dyadProposals, congregationInvitations, joinRequests, rounds, offers,
            crews, dyads, congregations, NextStepOf(memberships.Count, inACrew, dyads.Count > 0, rounds, memberships.FirstOrDefault()?.Slug, callStep), person.Language);
    }

    /// <summary>Invitations to co-host an event and hosts' offers (to host, a level, the network) still waiting for this person.</summary>
    private async Task<List<OfferRow>> OffersAsync(string me, CancellationToken cancellationToken)
    {
        var coHosting = await db.EventCoHosts.AsNoTracking().Where(c => c.UserId == me && c.Status == CoHostStatus.Invited)
            .OrderBy(c => c.InvitedAt)
            .Select(c => new { c.EventId, Title = db.GatheringEvents.Where(e => e.Id == c.EventId).Select(e => e.Title).FirstOrDefault(), By = db.Users.Where(u => u.Id == c.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var offers = await db.MembershipOffers.AsNoTracking().Where(o => o.UserId == me && o.Status == OfferStatus.Waiting)
            .OrderBy(o => o.CreatedAt)
            .Select(o => new
            {
                o.Kind,
                Congregation = db.Congregations.Where(c => c.Id == o.CongregationId).Select(c => new { c.Name, c.Slug }).First(),
                Level = db.MembershipLevels.Where(l => l.Id == o.LevelId).Select(l => l.Name).FirstOrDefault(),
                By = db.Users.Where(u => u.Id == o.OfferedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [
            .. coHosting.Select(c => new OfferRow(strings["Home.Offer.CoHost", c.Title ?? ""],
                c.By is null ? strings["Home.Offer.CoHostTextAnyHost"] : strings["Home.Offer.CoHostText", c.By],
                $"/gatherings/{c.EventId}/hosts", strings["Home.Offer.Answer"])),
            .. offers.Select(o => new OfferRow(o.Kind switch
                {
                    OfferKind.Host => strings["Home.Offer.Host", o.Congregation.Name],
                    OfferKind.Level => o.Level is null ? strings["Home.Offer.AnotherLevel", o.Congregation.Name] : strings["Home.Offer.Level", o.Level, o.Congregation.Name],
                    _ => strings["Home.Offer.Network"],
                }, o.By is null ? strings["Home.Offer.TextAnyHost", o.Congregation.Name] : strings["Home.Offer.Text", o.By, o.Congregation.Name],
                $"/congregations/{o.Congregation.Slug}/offers", strings["Home.Offer.Answer"])),
        ];
    }

    /// <summary>
    /// One step along the pathway, in the practice's order: a congregation is where crews form; a crew is
    /// the safest first container; a dyad comes after; then reflection.
    /// </summary>
    private sealed record CallRow(Guid Id, string Name, string Caller, Guid CongregationId);

    private Step NextStepOf(int congregations, bool inACrew, bool inADyad, IReadOnlyList<RoundRow> rounds, string? firstSlug, Step? call)
    {
        if (congregations == 0)
        {
            return new Step(strings["Home.Step.Find"], strings["Home.Step.FindText"], "/congregations", strings["Home.Step.Find"]);
        }
        if (!inACrew)
        {
            return rounds.FirstOrDefault(r => !r.Proposal) is { } round
                ? new Step(strings["Home.Step.Round"], strings["Home.Step.RoundText", round.Congregation], round.Url, strings["Home.Step.RoundAction", round.Title])
                : call ?? new Step(strings["Home.Step.CallCrew"], strings["Home.Step.CallCrewText"],
                    firstSlug is null ? "/crews/new" : $"/crews/new?congregation={firstSlug}", strings["Home.Step.CallCrew"]);
        }
        if (!inADyad)
        {
            return new Step(strings["Home.Step.Dyad"], strings["Home.Step.DyadText"], "/dyads/new", strings["Home.Step.Dyad"]);
        }
        return new Step(strings["Home.Step.LookBack"], strings["Home.Step.LookBackText"], "/me/journal", strings["Home.Step.LookBackAction"]);
    }

    /// <summary>The coming dates the person said they are going to, soonest first: single dates and whole series.</summary>
    private async Task<IReadOnlyList<EventDateRow>> GoingAsync(string me, DateTime now, CancellationToken cancellationToken)
    {
        var answers = await db.Rsvps.AsNoTracking().Include(r => r.Occurrence)
            .Where(r => r.UserId == me && r.Status == RsvpStatus.Going)
            .ToListAsync(cancellationToken);
        if (answers.Count == 0)
        {
            return [];
        }
        var ids = answers.Select(a => a.EventId).Distinct().ToList();
        var events = await db.GatheringEvents.AsNoTracking().Where(e => ids.Contains(e.Id) && e.CancelledAt == null).ToListAsync(cancellationToken);
        var rows = (await db.EventOccurrences.AsNoTracking().Where(o => ids.Contains(o.EventId)).ToListAsync(cancellationToken)).ToLookup(o => o.EventId);
        var owners = await occurrences.OwnerNamesAsync(events, cancellationToken);
        var dates = new List<(GatheringEvent Event, DateTime StartsAt, string Key)>();
        foreach (var e in events)
        {
            foreach (var answer in answers.Where(a => a.EventId == e.Id))
            {
                if (answer.Occurrence is { } o)
                {
                    if (!o.IsCancelled && o.EndsAt > now)
                    {
                        dates.Add((e, o.StartsAt, EventTime.Key(o.OriginalStart)));
                    }
                }
                else if (EventSchedule.Between(e, rows[e.Id], now, now.AddDays(400), 5).FirstOrDefault(d => !d.IsCancelled) is { } coming)
                {
                    dates.Add((e, coming.StartsAt, coming.Key));
                }
            }
        }
        return [.. dates.DistinctBy(d => (d.Event.Id, d.Key)).OrderBy(d => d.StartsAt).Take(5)
            .Select(d => new EventDateRow(d.Event.Title, $"/gatherings/{d.Event.Id}?date={d.Key}", d.StartsAt, owners.GetValueOrDefault(d.Event.Id, ""), d.Event.IsOnline))];
    }
}
