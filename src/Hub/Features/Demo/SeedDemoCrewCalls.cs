using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using NodaTime;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// Two open crew calls in Riverside: Wren's, with Kofi's request waiting for her answer and Noor already
/// accepted, and Tomas's, which leaves the hour open. A host sees how calls look from both sides.
/// </summary>
internal static class SeedDemoCrewCalls
{
    public static async Task RunAsync(HubDbContext db, DateTime now)
    {
        var riverside = await db.Congregations.SingleAsync(c => c.Slug == "riverside");
        var people = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.Email!, u => u.Id);
        string Id(int index) => people[SeedDemoCommunity.People[index].Email];
        var lisbon = DateTimeZoneProviders.Tzdb["Europe/Lisbon"];
        var today = Instant.FromDateTimeUtc(DateTime.SpecifyKind(now, DateTimeKind.Utc)).InZone(lisbon).Date.ToDateOnly();

        CrewCall Call(int caller, string name, string purpose, CrewCallKind kind, DayOfWeek? day, TimeOnly? at, int size, int daysLeft, int daysAgo)
        {
            var endsOn = today.AddDays(daysLeft);
            var call = new CrewCall
            {
                Id = Guid.NewGuid(),
                CongregationId = riverside.Id,
                CallerUserId = Id(caller),
                Name = name,
                Purpose = purpose,
                Kind = kind,
                TimeZone = lisbon.Id,
                UsualDay = day,
                UsualTime = at,
                Size = size,
                EndsOn = endsOn,
                ClosesAt = lisbon.AtStartOfDay(LocalDate.FromDateOnly(endsOn).PlusDays(1)).ToDateTimeUtc(),
                State = CrewCallState.Open,
                CreatedAt = now.AddDays(-daysAgo),
            };
            db.CrewCalls.Add(call);
            return call;
        }

        var wren = Call(5, "Freelancers' Thursday mornings",
            "A peer-support crew for people working on their own: one of us brings a question about work or money each week, the others listen and reflect. Coffee in hand, cameras on.",
            CrewCallKind.PeerSupport, DayOfWeek.Thursday, new TimeOnly(8, 30), 4, 12, 4);
        wren.Requests.Add(new CrewCallRequest
        {
            Id = Guid.NewGuid(),
            CallId = wren.Id,
            UserId = Id(2),
            Note = "I went freelance in the spring and miss having colleagues to think out loud with. Thursday mornings suit me well.",
            State = CrewCallRequestState.Accepted,
            AskedAt = now.AddDays(-3),
            AnsweredAt = now.AddDays(-2),
        });
        wren.AcceptedCount = 1;
        wren.Requests.Add(new CrewCallRequest
        {
            Id = Guid.NewGuid(),
            CallId = wren.Id,
            UserId = Id(4),
            Note = "Two years into running a small repair workshop. I'd love a crew that keeps me honest about rest. I can do 8:30, though not every school holiday.",
            State = CrewCallRequestState.Waiting,
            AskedAt = now.AddHours(-20),
        });
        Call(1, "Learning to facilitate",
            "Five of us taking turns to facilitate a short practice each meeting (a check-in round, troika consulting, a retrospective) and giving each other kind, specific feedback.",
            CrewCallKind.Learning, null, null, 5, 20, 1);
        await db.SaveChangesAsync();
    }
}
