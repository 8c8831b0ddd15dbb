using System.Net;
using SkiaSharp;
using static Microsolidarity.Hub.Tests.Features.Gatherings.GatheringTestKit;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

/// <summary>The list of gatherings as a person reads it, and an event page that remembers their answer.</summary>
public sealed class GatheringListTests
{
    private const string Password = "rain on a tin roof";

    [Fact]
    public async Task List_SeriesAndWeekend_GroupsByDayFoldsTheSeriesMarksAnswersAndFilters()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("ada@test.example", Password, admin: true, name: "Ada");
        await hub.CreatePersonAsync("ben@test.example", Password, name: "Ben");
        var ada = await hub.SignedInClientAsync("ada@test.example", Password);
        var ben = await hub.SignedInClientAsync("ben@test.example", Password);
        var start = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10));
        var call = await CreateAsync(ada, Form("network", "Weekly peer call", start, f =>
        {
            f["Input.Kind"] = "NetworkCall";
            f["Input.IsOnline"] = "true";
            f["Input.Address"] = "";
            f["Input.CallLink"] = "https://call.example/weekly";
            f["Input.StartTime"] = "18:00";
            f["Input.EndTime"] = "19:00";
            f["Input.Repeat"] = "weekly";
        }));
        var weekend = await CreateAsync(ada, Form("network", "Summer weekend", start.AddDays(3), f =>
        {
            f["Input.StartTime"] = "10:00";
            f["Input.EndDate"] = start.AddDays(4).ToString("yyyy-MM-dd");
            f["Input.EndTime"] = "16:00";
            f["Input.Questions"] = "What would you like to bring?";
        }));

        // Ben answers the second date of the call and the weekend (with an answer to the hosts' question).
        var (_, callPage) = await ben.GetAsync(call);
        var secondDate = callPage.QuerySelectorAll(".date-list a").Select(a => a.GetAttribute("href")!).ElementAt(1);
        Assert.Equal(HttpStatusCode.Redirect, (await ben.SubmitAsync(secondDate, new Dictionary<string, string> { ["Reply"] = "Going" }, handler: "Answer")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ben.SubmitAsync(weekend, new Dictionary<string, string> { ["Reply"] = "Going", ["Answers"] = "Bread and a guitar" }, handler: "Answer")).Response.StatusCode);

        var (_, list) = await ben.GetAsync("/gatherings");
        var cards = list.QuerySelectorAll(".event-card").ToList();
        var callCard = Assert.Single(cards, c => c.QuerySelector("h3")!.TextContent == "Weekly peer call"); // a series, once
        var weekendCard = Assert.Single(cards, c => c.QuerySelector("h3")!.TextContent == "Summer weekend");
        Assert.Equal("60 min", callCard.QuerySelector(".length")!.TextContent);
        Assert.Equal("2 days", weekendCard.QuerySelector(".length")!.TextContent);
        Assert.Contains("multi-day", weekendCard.ClassList);
        Assert.DoesNotContain("multi-day", callCard.ClassList);
        // Each card sits under the heading of its day; the call's first day comes before the weekend's.
        var callDay = callCard.Closest("section")!.QuerySelector("h2 time")!.GetAttribute("datetime");
        var weekendDay = weekendCard.Closest("section")!.QuerySelector("h2 time")!.GetAttribute("datetime");
        Assert.Equal(start.ToString("yyyy-MM-dd"), callDay);
        Assert.Equal(start.AddDays(3).ToString("yyyy-MM-dd"), weekendDay);
        // The series' later dates fold under it; the one Ben answered is marked there, not on the first date.
        Assert.DoesNotContain(callCard.Children, c => c.ClassList.Contains("my-answer"));
        var later = callCard.QuerySelector("details.later-dates")!;
        Assert.Matches(@"^\d+ more dates", later.QuerySelector("summary")!.TextContent);
        var answered = later.QuerySelectorAll("li").Single(li => li.QuerySelector("a")!.GetAttribute("href") == secondDate);
        Assert.Equal("You're going", answered.QuerySelector(".my-answer")!.TextContent);
        Assert.Equal("You're going", weekendCard.QuerySelector(".my-answer")!.TextContent);

        // Filters by kind and scale are a plain GET; an empty result says how to widen it; an unknown value shows everything.
        var (_, calls) = await ben.GetAsync("/gatherings?kind=NetworkCall");
        Assert.Equal(["Weekly peer call"], calls.QuerySelectorAll(".event-card h3").Select(h => h.TextContent).ToArray());
        Assert.Equal("NetworkCall", calls.QuerySelector("#filter-kind option[selected]")!.GetAttribute("value"));
        var (_, none) = await ben.GetAsync("/gatherings?scale=Congregation");
        Assert.Contains("Nothing coming of that kind", none.QuerySelector(".empty")!.TextContent);
        var (_, unknown) = await ben.GetAsync("/gatherings?kind=Picnic&scale=3");
        Assert.Contains("not one we know", unknown.QuerySelector(".notice.warn")!.TextContent);
        Assert.Equal(2, unknown.QuerySelectorAll(".event-card").Length);

        // Coming back to the weekend: the answer is shown, the words kept, and it can be changed.
        var (_, back) = await ben.GetAsync(weekend);
        Assert.Contains("You are going", back.QuerySelector("#my-answer")!.TextContent);
        Assert.Equal("Bread and a guitar", back.QuerySelector("#answers")!.TextContent);
        Assert.Equal("true", back.QuerySelector(".answer-buttons button[value=Going]")!.GetAttribute("aria-pressed"));
        Assert.Equal(HttpStatusCode.Redirect, (await ben.SubmitAsync(weekend, new Dictionary<string, string> { ["Reply"] = "Maybe", ["Answers"] = "Bread" }, handler: "Answer")).Response.StatusCode);
        var (_, changed) = await ben.GetAsync(weekend);
        Assert.Contains("You said maybe", changed.QuerySelector("#my-answer")!.TextContent);
        Assert.Equal("true", changed.QuerySelector(".answer-buttons button[value=Maybe]")!.GetAttribute("aria-pressed"));
        Assert.Equal("false", changed.QuerySelector(".answer-buttons button[value=Going]")!.GetAttribute("aria-pressed"));
        (_, list) = await ben.GetAsync("/gatherings");
        Assert.Equal("You said maybe", list.QuerySelectorAll(".event-card").Single(c => c.QuerySelector("h3")!.TextContent == "Summer weekend").QuerySelector(".my-answer")!.TextContent);

        // A cover chosen by the host shows on the event's page and is served to whoever may see the event.
        var id = IdOf(weekend);
        var (_, edit) = await ada.GetAsync($"/gatherings/{id}/edit");
        var token = edit.QuerySelector("form[action*='handler=Cover'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } })
        {
            content.Add(new ByteArrayContent(Png(1200, 900)), "Cover", "field.png");
            Assert.Equal(HttpStatusCode.Redirect, (await ada.Http.PostAsync($"/gatherings/{id}/edit?handler=Cover", content)).StatusCode);
        }
        var (_, withCover) = await hub.NewClient().GetAsync(weekend);
        var cover = await hub.NewClient().Http.GetAsync(withCover.QuerySelector("img.event-cover")!.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, cover.StatusCode);
        using var bitmap = SKBitmap.Decode(await cover.Content.ReadAsByteArrayAsync());
        Assert.Equal((1200, 480), (bitmap.Width, bitmap.Height)); // not enlarged: the full width, cut to 5 by 2
        // Ben is not a host: the edit page, with its cover form, does not exist for him.
        var (benEdit, _) = await ben.GetAsync($"/gatherings/{id}/edit");
        Assert.Equal(HttpStatusCode.NotFound, benEdit.StatusCode);
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Olive);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
