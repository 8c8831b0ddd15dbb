using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Congregations.Responsibilities;

/// <summary>Hosts add a responsibility to the register, or change its name, what it involves and its review date.</summary>
public sealed class SaveResponsibility(HubDbContext db, TimeProvider time)
{
    public const int MaxName = 120;
    public const int MaxDescription = 2000;

    public sealed record Input(string? Name, string? Description, DateOnly? ReviewOn);

    /// <summary>Adds (<paramref name="id"/> null) or changes one; the id it was saved under comes back.</summary>
    public async Task<(Outcome Outcome, Guid Id)> RunAsync(CongregationView view, Guid? id, Input input, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return (Outcome.Refused("Only the congregation's hosts add and change responsibilities."), Guid.Empty);
        }
        var name = (input.Name ?? "").Trim();
        var description = (input.Description ?? "").Trim();
        var problems = new List<(string, string)>();
        if (name.Length == 0)
        {
            problems.Add(("Name", "Give it a short name, such as “The money” or “Welcoming newcomers”."));
        }
        else if (name.Length > MaxName)
        {
            problems.Add(("Name", $"Keep the name under {MaxName} characters; say more in what it involves."));
        }
        if (description.Length > MaxDescription)
        {
            problems.Add(("Description", $"Keep what it involves under {MaxDescription:N0} characters; this has {description.Length:N0}."));
        }
        if (Outcome.RefusedAll(problems) is { } refused)
        {
            return (refused, Guid.Empty);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var c = view.Congregation;
        if (await db.Responsibilities.AnyAsync(r => r.CongregationId == c.Id && r.RetiredAt == null && r.Name == name && r.Id != id, cancellationToken))
        {
            return (Outcome.Refused($"The register has “{name}” already.", "Name"), Guid.Empty);
        }
        Responsibility? responsibility;
        if (id is { } existing)
        {
            responsibility = await db.Responsibilities.SingleOrDefaultAsync(r => r.Id == existing && r.CongregationId == c.Id && r.RetiredAt == null, cancellationToken);
            if (responsibility is null)
            {
                return (Outcome.Refused("This responsibility is no longer in the register."), Guid.Empty);
            }
            if (responsibility.ReviewOn != input.ReviewOn)
            {
                responsibility.ReviewNoticeFor = null; // a new date is told about when it comes
            }
            HostActions.Record(db, c.Id, view.UserId, $"changed the responsibility {name}", "", now);
        }
        else
        {
            responsibility = new Responsibility { Id = Guid.NewGuid(), CongregationId = c.Id, CreatedAt = now };
            db.Responsibilities.Add(responsibility);
            HostActions.Record(db, c.Id, view.UserId, $"added the responsibility {name}", "", now);
        }
        responsibility.Name = name;
        responsibility.Description = description;
        responsibility.ReviewOn = input.ReviewOn;
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Done, responsibility.Id);
    }
}
