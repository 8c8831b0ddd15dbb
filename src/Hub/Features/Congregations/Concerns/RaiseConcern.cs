using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>What the concern is about: a person (a member or a host), a crew, or something else the text describes.</summary>
public enum ConcernAbout { Something, Person, Crew }

/// <summary>
/// A member raises a concern with the congregation's care contacts. It goes to the care contacts, but never to one it
/// is about: a concern about a care contact goes to the other one and to the hub's administrators, and so does a
/// concern in a congregation where no other care contact is named, so that nobody raises one into the void.
/// </summary>
public sealed class RaiseConcern(HubDbContext db, ConcernNotices notices, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public sealed record Input(ConcernAbout About, string? PersonId, Guid? CrewId, string? Text);

    public async Task<(Outcome Outcome, Guid? Id)> RunAsync(CongregationView view, Input input, CancellationToken cancellationToken = default)
    {
        if (!view.IsMember || view.UserId is null)
        {
            return (Outcome.Refused(strings["Congregations.Refused.ConcernMembersOnly"]), null);
        }
        var text = (input.Text ?? "").Trim();
        if (text.Length == 0)
        {
            return (Outcome.Refused(strings["Congregations.Refused.ConcernText"], "Text"), null);
        }
        if (text.Length > ConcernLimits.Text)
        {
            return (Outcome.Refused($"A concern is at most {ConcernLimits.Text:N0} characters; this one has {text.Length:N0}. The care contacts can ask you for more.", "Text"), null);
        }
        var c = view.Congregation;
        string? personId = null;
        Guid? crewId = null;
        switch (input.About)
        {
            case ConcernAbout.Person:
                personId = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == c.Id && m.UserId == input.PersonId)
                    .Select(m => m.UserId).SingleOrDefaultAsync(cancellationToken);
                if (personId is null)
                {
                    return (Outcome.Refused(strings["Congregations.Refused.ConcernPerson"], "PersonId"), null);
                }
                break;
            case ConcernAbout.Crew:
                crewId = await db.Crews.AsNoTracking().Where(x => x.Id == input.CrewId && x.CongregationId == c.Id && x.Stage != CrewStage.Disbanded)
                    .Select(x => (Guid?)x.Id).SingleOrDefaultAsync(cancellationToken);
                if (crewId is null)
                {
                    return (Outcome.Refused(strings["Congregations.Refused.ConcernCrew"], "CrewId"), null);
                }
                break;
        }
        var contacts = await ConcernRules.CareContactsAsync(db, c.Id, cancellationToken);
        var aboutAContact = personId is not null && contacts.Contains(personId);
        var others = contacts.Where(x => x != personId && x != view.UserId).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var concern = new Concern
        {
            Id = Guid.NewGuid(),
            CongregationId = c.Id,
            RaisedByUserId = view.UserId,
            AboutUserId = personId,
            AboutCrewId = crewId,
            ToAdministrators = aboutAContact || others.Count == 0,
            Text = text,
            CreatedAt = now,
            AcknowledgeBy = now.AddDays(Math.Max(1, c.ConcernAcknowledgeDays)),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Concerns.Add(concern);
        await notices.ToAcknowledgeAsync(c, concern, await ConcernRules.TendersAsync(db, concern, cancellationToken), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Wake();
        return (Outcome.Done, concern.Id);
    }
}

/// <summary>The lengths a concern's words may have (the columns' limits).</summary>
public static class ConcernLimits
{
    public const int Text = 8000, Note = 4000, Agreements = 20000;
    public const int MinDays = 1, MaxDays = 14;
}
