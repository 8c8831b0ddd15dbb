using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>Any member may start a working group; whoever starts it is its first member.</summary>
public sealed class StartWorkingGroup(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    /// <summary>Long enough for a season of work, short enough that nothing becomes permanent by default.</summary>
    public const int MaxMonths = 24;

    public async Task<(Outcome Outcome, Guid? Id)> RunAsync(CongregationView view, string name, string purpose, DateOnly? endsOn,
        CancellationToken cancellationToken = default)
    {
        if (!view.IsMember || view.UserId is null)
        {
            return (Outcome.Refused(strings["Congregations.Refused.MembersStartGroups"]), null);
        }
        name = name.Trim();
        purpose = purpose.Trim();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        List<(string, string)> problems = [];
        if (name.Length is 0 or > 120)
        {
            problems.Add(("Name", strings["Congregations.Refused.GroupName"]));
        }
        if (purpose.Length == 0)
        {
            problems.Add(("Purpose", strings["Congregations.Refused.GroupPurpose"]));
        }
        else if (purpose.Length > 2000)
        {
            problems.Add(("Purpose", strings["Congregations.Validation.PurposeLength"]));
        }
        if (endsOn is not { } end)
        {
            problems.Add(("EndsOn", strings["Congregations.Refused.GroupEndDate"]));
        }
        else if (end <= today)
        {
            problems.Add(("EndsOn", strings["Congregations.Refused.GroupEndFuture"]));
        }
        else if (end > today.AddMonths(MaxMonths))
        {
            problems.Add(("EndsOn", strings["Congregations.Refused.GroupEndWithin", MaxMonths]));
        }
        if (Outcome.RefusedAll(problems) is { } refused)
        {
            return (refused, null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (await db.WorkingGroups.AnyAsync(g => g.CongregationId == view.Congregation.Id && g.Name == name && g.EndsOn >= today, cancellationToken))
        {
            return (Outcome.Refused("A running group has this name already; join it, or choose another name.", "Name"), null);
        }
        var group = new WorkingGroup
        {
            Id = Guid.NewGuid(),
            CongregationId = view.Congregation.Id,
            Name = name,
            Purpose = purpose,
            EndsOn = endsOn!.Value,
            StartedByUserId = view.UserId,
            CreatedAt = now,
        };
        group.Members.Add(new WorkingGroupMember { WorkingGroupId = group.Id, UserId = view.UserId, JoinedAt = now });
        db.WorkingGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Done, group.Id);
    }
}
