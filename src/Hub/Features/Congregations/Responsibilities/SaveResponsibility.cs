using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations.Responsibilities;

/// <summary>Hosts add a responsibility to the register, or change its name, what it involves and its review date.</summary>
public sealed class SaveResponsibility(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public const int MaxName = 120;
    public const int MaxDescription = 2000;

    public sealed record Input(string? Name, string? Description, DateOnly? ReviewOn);

    /// <summary>Adds (<paramref name="id"/> null) or changes one; the id it was saved under comes back.</summary>
    public async Task<(Outcome Outcome, Guid Id)> RunAsync(CongregationView view, Guid? id, Input input, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return (Outcome.Refused(strings["Congregations.Refused.RespOnlyHosts"]), Guid.Empty);
        }
        var name = (input.Name ?? "").Trim();
        var description = (input.Description ?? "").Trim();
        var problems = new List<(string, string)>();
        if (name.Length == 0)
        {
            problems.Add(("Name", strings["Congregations.Refused.RespName"]));
        }
        else if (name.Length > MaxName)
        {
            problems.Add(("Name", strings["Congregations.Refused.RespNameLength", MaxName]));
        }
        if (description.Length > MaxDescription)
        {
            problems.Add(("Description", strings["Congregations.Refused.RespDescriptionLength", MaxDescription.ToString("N0", DateFormats.Culture), description.Length.ToString("N0", DateFormats.Culture)]));
        }
        if (Outcome.RefusedAll(problems) is { } refused)
        {
            return (refused, Guid.Empty);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var c = view.Congregation;
        if (await db.Responsibilities.AnyAsync(r => r.CongregationId == c.Id && r.RetiredAt == null && r.Name == name && r.Id != id, cancellationToken))
        {
            return (Outcome.Refused(strings["Congregations.Refused.RespTaken", name], "Name"), Guid.Empty);
        }
        Responsibility? responsibility;
        if (id is { } existing)
        {
            responsibility = await db.Responsibilities.SingleOrDefaultAsync(r => r.Id == existing && r.CongregationId == c.Id && r.RetiredAt == null, cancellationToken);
            if (responsibility is null)
            {
                return (Outcome.Refused(strings["Congregations.Refused.RespGone"]), Guid.Empty);
            }
            if (responsibility.ReviewOn != input.ReviewOn)
            {
                responsibility.ReviewNoticeFor = null; // a new date is told about when it comes
            }
            HostActions.Record(db, c.Id, view.UserId, StoredWords.Of("Log.Congregation.ResponsibilityChanged", name), "", now);
        }
        else
        {
            responsibility = new Responsibility { Id = Guid.NewGuid(), CongregationId = c.Id, CreatedAt = now };
            db.Responsibilities.Add(responsibility);
            HostActions.Record(db, c.Id, view.UserId, StoredWords.Of("Log.Congregation.ResponsibilityAdded", name), "", now);
        }
        responsibility.Name = name;
        responsibility.Description = description;
        responsibility.ReviewOn = input.ReviewOn;
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Done, responsibility.Id);
    }
}
