using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>While forming, a member sets the crew's regular slot (often one where everyone is free).</summary>
public sealed class ChooseSlot(HubDbContext db)
{
    public async Task<Outcome> RunAsync(CrewView view, DayOfWeek day, int hour, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined || view.Crew.Stage != CrewStage.Forming)
        {
            return Outcome.Refused("The slot is chosen while the crew forms, by its members.");
        }
        if (hour is < 0 or > 23)
        {
            return Outcome.Refused("Choose an hour of the day.");
        }
        await db.Crews.Where(c => c.Id == view.Crew.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.SlotDay, day).SetProperty(c => c.SlotTime, new TimeOnly(hour, 0)), cancellationToken);
        return Outcome.Done;
    }
}
