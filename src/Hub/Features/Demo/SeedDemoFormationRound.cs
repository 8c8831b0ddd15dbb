using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// One open crew formation round in Riverside, a few days before its deadline, where four invented members have
/// already joined with their profile's interests and hours and said privately whom they would like to meet with.
/// A host can run it at once and see a proposal; a member can join and see the form.
/// </summary>
internal static class SeedDemoFormationRound
{
    public static async Task RunAsync(HubDbContext db, DateTime now)
    {
        var riverside = await db.Congregations.SingleAsync(c => c.Slug == "riverside");
        var people = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.Email!, u => u.Id);
        string Id(int index) => people[SeedDemoCommunity.People[index].Email];
        var round = new FormationRound
        {
            Id = Guid.NewGuid(),
            CongregationId = riverside.Id,
            Title = "Crews after the autumn gathering",
            PreferencesDueAt = now.Date.AddDays(6).AddHours(20),
            MinSize = 3,
            MaxSize = 6,
            Seed = 20261126,
            Stage = FormationStage.Open,
            OpenedByUserId = Id(0),
            CreatedAt = now.AddDays(-2),
        };
        db.FormationRounds.Add(round);
        // Tomas, Noor, Pilar and Kofi have joined (the people who gave preferences), Wren not yet.
        int[] joined = [1, 2, 3, 4];
        var byPerson = new Dictionary<int, FormationParticipant>();
        foreach (var (person, order) in joined.Select((p, i) => (p, i)))
        {
            var userId = Id(person);
            var profile = await db.Profiles.AsNoTracking().SingleAsync(p => p.UserId == userId);
            var participant = new FormationParticipant
            {
                Id = Guid.NewGuid(),
                RoundId = round.Id,
                UserId = userId,
                Interests = profile.Interests,
                Availability = profile.Availability,
                TimeZone = profile.TimeZone,
                JoinedAt = now.AddDays(-2).AddHours(order),
                UpdatedAt = now.AddDays(-1).AddHours(order),
            };
            byPerson[person] = participant;
            db.FormationParticipants.Add(participant);
        }
        void Says(int from, int about, PreferenceChoice choice) => db.FormationPreferences.Add(new FormationPreference
        {
            RoundId = round.Id,
            FromParticipantId = byPerson[from].Id,
            AboutParticipantId = byPerson[about].Id,
            Choice = choice,
        });
        Says(2, 4, PreferenceChoice.Want);
        Says(4, 2, PreferenceChoice.Want);
        Says(3, 2, PreferenceChoice.Want);
        Says(1, 3, PreferenceChoice.RatherNot);
        await db.SaveChangesAsync();
    }
}
