using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>A host opens a crew formation round: every member is invited to give preferences by the deadline.</summary>
public sealed class OpenRound(HubDbContext db, TimeProvider time, RoundNotices notices, RoundAccess access,
    IStringLocalizer<Strings> strings)
{
    /// <summary>Long enough for a gathering's weekend or a month between calls; a round should not drag on.</summary>
    public const int MaxDays = 60;

    public sealed record Input(string Title, DateTime? DueLocal, int MinSize = 3, int MaxSize = 6);

    public async Task<(Outcome Outcome, Guid? Id)> RunAsync(CongregationView view, Input input, DateTimeZone hostZone, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost || view.UserId is null)
        {
            return (Outcome.Refused(strings["Rounds.Refused.OnlyHostsOpen"]), null);
        }
        var members = await db.Memberships.Where(m => m.CongregationId == view.Congregation.Id && m.UserId != view.UserId)
            .Select(m => m.UserId).ToListAsync(cancellationToken);
        return await OpenAsync(RoundOwner.Of(view), view.Congregation.Id, null, members, input, hostZone,
            ("Email.Round.Opened.Hosts", view.Congregation.Name), cancellationToken);
    }

    /// <summary>
    /// "Form crews from this cohort": someone on a program's facilitator team opens a round whose participants are
    /// the program's cohort (the people with an account in it). A program has one round.
    /// </summary>
    public async Task<(Outcome Outcome, Guid? Id)> RunForProgramAsync(Guid programId, string userId, Input input, DateTimeZone hostZone, CancellationToken cancellationToken = default)
    {
        if (await access.ProgramOwnerAsync(programId, userId, cancellationToken) is not { IsHost: true } owner)
        {
            return (Outcome.Refused(strings["Rounds.Refused.OnlyTeamForms"]), null);
        }
        if (await db.FormationRounds.AnyAsync(r => r.ProgramId == programId, cancellationToken))
        {
            return (Outcome.Refused(strings["Rounds.Refused.AlreadyForming"]), null);
        }
        var cohort = await db.PracticeParticipants.Where(p => p.ProgramId == programId && p.UserId != null && !p.Left && p.UserId != userId)
            .Select(p => p.UserId!).Distinct().ToListAsync(cancellationToken);
        if (cohort.Count < Crews.CrewsFeature.MinSize)
        {
            return (Outcome.Refused(strings["Rounds.Refused.CohortTooSmall", Crews.CrewsFeature.MinSize, cohort.Count]), null);
        }
        return await OpenAsync(owner, null, programId, cohort, input, hostZone, ("Email.Round.Opened.Facilitators", owner.Name), cancellationToken);
    }

    private async Task<(Outcome Outcome, Guid? Id)> OpenAsync(RoundOwner owner, Guid? congregationId, Guid? programId, IReadOnlyList<string> members,
        Input input, DateTimeZone hostZone, (string Key, string Name) opened, CancellationToken cancellationToken)
    {
        var title = input.Title.Trim();
        var now = time.GetUtcNow().UtcDateTime;
        List<(string, string)> problems = [];
        if (title.Length is 0 or > 120)
        {
            problems.Add(("Title", strings["Rounds.Refused.Title"]));
        }
        DateTime due = default;
        if (input.DueLocal is not { } local)
        {
            problems.Add(("Due", strings["Rounds.Refused.Due"]));
        }
        else
        {
            // A time the clocks skip closes just after the gap; one that happens twice, the first time.
            due = TimeZones.ToUtc(LocalDateTime.FromDateTime(local), hostZone);
            if (due <= now)
            {
                problems.Add(("Due", strings["Rounds.Refused.DuePast"]));
            }
            else if (due > now.AddDays(MaxDays))
            {
                problems.Add(("Due", strings["Rounds.Refused.DueFar", MaxDays]));
            }
        }
        if (input.MinSize < Crews.CrewsFeature.MinSize || input.MinSize > Crews.CrewsFeature.MaxSize)
        {
            problems.Add(("MinSize", strings["Rounds.Refused.MinSize", Crews.CrewsFeature.MinSize, Crews.CrewsFeature.MaxSize]));
        }
        if (input.MaxSize < Crews.CrewsFeature.MinSize || input.MaxSize > Crews.CrewsFeature.MaxSize)
        {
            problems.Add(("MaxSize", strings["Rounds.Refused.MaxSize", Crews.CrewsFeature.MaxSize]));
        }
        else if (input.MaxSize < input.MinSize)
        {
            problems.Add(("MaxSize", strings["Rounds.Refused.MaxBelowMin"]));
        }
        if (Outcome.RefusedAll(problems) is { } refused)
        {
            return (refused, null);
        }
        var round = new FormationRound
        {
            Id = Guid.NewGuid(),
            CongregationId = congregationId,
            ProgramId = programId,
            Title = title,
            PreferencesDueAt = due,
            MinSize = input.MinSize,
            MaxSize = input.MaxSize,
            Seed = RandomNumberGenerator.GetInt32(1, int.MaxValue),
            Stage = FormationStage.Open,
            OpenedByUserId = owner.UserId,
            CreatedAt = now,
        };
        db.FormationRounds.Add(round);
        var path = $"{owner.Path}/{round.Id}";
        // Each member reads it in their own language; the round's title is the host's own.
        await notices.SendAsync([.. members], "congregation.formation-round", path, () => new NoticeWords(
            strings["Email.Round.Subject", owner.Name, title],
            [
                strings[opened.Key, opened.Name, title],
                strings["Email.Round.Privately"],
                strings["Email.Round.Closes", ViewerClock.FormatIn(due, hostZone), hostZone.Id],
            ], strings["Email.Round.Action"]), cancellationToken, RoundNotices.RoundAbout(round.Id));
        await db.SaveChangesAsync(cancellationToken);
        notices.Wake();
        return (Outcome.Done, round.Id);
    }
}
