using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews.Agreements;

/// <summary>
/// Any member writes the group's agreements, or proposes a change to the ones in force. The proposer has accepted
/// their own text; it comes into force when everyone else has too (<see cref="AcceptAgreement"/>). One proposal is
/// open at a time: a newer one takes the place of the open one, whose acceptances lapse with it.
/// </summary>
public sealed class ProposeAgreement(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    /// <summary>What an ended group is told when it would write: its agreements are kept, to read.</summary>
    public static string Closed(AgreementGroup group, IStringLocalizer strings) => group.IsDyad
        ? strings["Dyads.Agreements.Closed"]
        : strings["Crews.Agreements.Closed"];

    public async Task<Outcome> RunAsync(AgreementGroup group, string text, string note, CancellationToken cancellationToken = default)
    {
        if (!group.IsMember)
        {
            return Outcome.Refused(strings["Crews.Agreements.OnlyMembersWrite"]);
        }
        if (await group.EndedAsync(db, cancellationToken))
        {
            return Outcome.Refused(Closed(group, strings));
        }
        text = (text ?? "").Trim();
        note = (note ?? "").Trim();
        var problems = new List<(string, string)>();
        if (text == "")
        {
            problems.Add(("Text", strings["Crews.Agreements.Empty"]));
        }
        else if (text.Length > AgreementTemplates.MaxLength)
        {
            problems.Add(("Text", strings["Crews.Agreements.TooLong", AgreementTemplates.MaxLength, text.Length]));
        }
        if (note.Length > 1000)
        {
            problems.Add(("Note", strings["Crews.Agreements.NoteLength"]));
        }
        if (Outcome.RefusedAll(problems) is { } refused)
        {
            return refused;
        }
        var existing = await group.Query(db).OrderByDescending(a => a.Version).ToListAsync(cancellationToken);
        var inForce = existing.FirstOrDefault(a => a.State == AgreementState.InForce);
        if (inForce is not null && inForce.Text == text)
        {
            return Outcome.Refused(strings["Crews.Agreements.Same"], "Text");
        }
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var open in existing.Where(a => a.State == AgreementState.Proposed))
        {
            open.State = AgreementState.Withdrawn;
        }
        var agreement = new Agreement
        {
            Id = Guid.NewGuid(),
            CrewId = group.CrewId,
            DyadId = group.DyadId,
            Version = (existing.Count == 0 ? 0 : existing[0].Version) + 1,
            Text = text,
            Note = note,
            ProposedByUserId = group.MeUserId,
            State = AgreementState.Proposed,
            ProposedAt = now,
        };
        agreement.Acceptances.Add(new AgreementAcceptance { Id = Guid.NewGuid(), AgreementId = agreement.Id, UserId = group.MeUserId, AcceptedAt = now });
        db.Agreements.Add(agreement);
        if (group.Members.All(m => m.UserId == group.MeUserId))
        {
            AcceptAgreement.BringIntoForce(agreement, inForce, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
