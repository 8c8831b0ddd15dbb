using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>
/// The week grid runs as the reader's culture runs a week: its first column is the culture's first day (Sunday in the
/// hub's English and in European Portuguese, Monday in Spanish, German and French), and the hours a person ticks where
/// they see them save the same, whichever day leads.
/// </summary>
public sealed class WeekGridOrderTests(SharedHubWithoutMail shared) : IClassFixture<SharedHubWithoutMail>
{
    private readonly HubFactory hub = shared.Hub;

    [Fact]
    public async Task ProfileGrid_StartsOnTheCulturesFirstDay_AndTheSameHoursSaveTheSameInEveryOrder()
    {
        // Driven by the cultures, not by a list of languages; but both orders must be among them for the test to mean anything.
        Assert.Contains(Languages.Shipped, l => l.Culture.DateTimeFormat.FirstDayOfWeek != DayOfWeek.Monday);
        Assert.Contains(Languages.Shipped, l => l.Culture.DateTimeFormat.FirstDayOfWeek == DayOfWeek.Monday);

        var saved = new Dictionary<string, string>();
        foreach (var language in Languages.Shipped)
        {
            var names = language.Culture.DateTimeFormat;
            var email = Unique.Email("painter");
            var person = await hub.CreatePersonAsync(email, "hours in any order", name: Unique.Name("Painter"));
            var client = await hub.SignedInClientAsync(email, "hours in any order");
            client.Http.DefaultRequestHeaders.Add("Cookie", $"{Languages.Cookie}={language.Code}");

            var (_, page) = await client.GetAsync("/me/profile");
            Assert.Equal(language.Code, page.DocumentElement.GetAttribute("lang"));
            var days = page.QuerySelectorAll("#profile-hours thead th[data-day]").ToList();
            Assert.Equal(7, days.Count);
            Assert.Equal(names.GetDayName(names.FirstDayOfWeek), days[0].QuerySelector("abbr")!.GetAttribute("title"));
            Assert.Equal(((int)names.FirstDayOfWeek + 6) % 7, int.Parse(days[0].GetAttribute("data-day")!));

            // The person ticks the box under a day's name on an hour's row, as they see it, and saves without a script.
            var rows = page.QuerySelectorAll("#profile-hours tbody tr");
            string Box(DayOfWeek day, int hour) => rows[hour].QuerySelectorAll("td")[days.FindIndex(th => th.QuerySelector("abbr")!.GetAttribute("title") == names.GetDayName(day))]
                .QuerySelector("input[name=Free]")!.GetAttribute("value")!;
            var form = page.Forms.Single(f => f.QuerySelector("#profile-hours") is not null);
            var response = await client.Http.PostAsync("/me/profile", new FormUrlEncodedContent(
            [
                new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
                new("Input.TimeZone", "Europe/Lisbon"),
                new("Free", Box(DayOfWeek.Sunday, 15)),
                new("Free", Box(DayOfWeek.Monday, 9)),
                new("Free", Box(DayOfWeek.Saturday, 22)),
            ]));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            using var scope = hub.Services.CreateScope();
            saved[language.Code] = await scope.ServiceProvider.GetRequiredService<HubDbContext>().Profiles.AsNoTracking()
                .Where(p => p.UserId == person.Id).Select(p => p.Availability).SingleAsync();
        }

        // Monday 09:00, Saturday 22:00 and Sunday 15:00 in the grid's hours of the week (Monday 00:00 is 0), in every language.
        Assert.All(saved, s => Assert.Equal([9, 5 * 24 + 22, 6 * 24 + 15], Enumerable.Range(0, 168).Where(i => s.Value[i] == '1')));
    }
}
