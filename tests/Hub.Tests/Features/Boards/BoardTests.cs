using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Boards;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Boards;

/// <summary>
/// A group's mastery and task board: cards added, moved by the plain forms (what the keyboard and the
/// drag both submit), removed; a crew's board for its joined members alone, a congregation's and a working
/// group's for the congregation's members (both databases).
/// </summary>
public sealed class BoardTests : IAsyncLifetime
{
    private const string Password = "rivers and reeds";
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];
    private Guid crewId;
    private Guid groupId;

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync(smtp: false);
        var ids = new Dictionary<string, string>();
        foreach (var (name, admin) in new[] { ("ana", false), ("ben", false), ("cy", false), ("gone", false), ("root", true) })
        {
            ids[name] = (await hub.CreatePersonAsync($"{name}@test.example", Password, admin: admin, name: char.ToUpperInvariant(name[0]) + name[1..])).Id;
            people[name] = await hub.SignedInClientAsync($"{name}@test.example", Password);
        }
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = DateTime.UtcNow;
        // A congregation with ana, ben and gone; cy and root (an administrator) are outside it.
        var congregation = new Congregation { Id = Guid.NewGuid(), Slug = "board-river", Name = "Board River", CreatedAt = now };
        var friend = new MembershipLevel { Id = Guid.NewGuid(), CongregationId = congregation.Id, Name = "Friend" };
        congregation.Levels.Add(friend);
        db.Congregations.Add(congregation);
        foreach (var name in new[] { "ana", "ben", "gone" })
        {
            db.Memberships.Add(new Membership { Id = Guid.NewGuid(), CongregationId = congregation.Id, UserId = ids[name], LevelId = friend.Id, IsHost = name == "ana", JoinedAt = now });
        }
        groupId = Guid.NewGuid();
        db.WorkingGroups.Add(new WorkingGroup { Id = groupId, CongregationId = congregation.Id, Name = "Garden team", Purpose = "Tend the shared garden.", EndsOn = DateOnly.FromDateTime(now.AddMonths(2)), StartedByUserId = ids["ben"], CreatedAt = now });
        // A crew: ana and ben joined, gone left; cy is invited and has not answered.
        crewId = Guid.NewGuid();
        var crew = new Crew { Id = crewId, Name = "Board crew", Purpose = "Peer support.", CongregationId = congregation.Id, CallerUserId = ids["ana"], TimeZone = "Europe/Lisbon", JoinedCount = 2, CreatedAt = now };
        crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crewId, UserId = ids["ana"], Status = CrewMemberStatus.Joined, Position = 0, InvitedAt = now, JoinedAt = now });
        crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crewId, UserId = ids["ben"], Status = CrewMemberStatus.Joined, Position = 1, InvitedAt = now, JoinedAt = now });
        crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crewId, UserId = ids["gone"], Status = CrewMemberStatus.Left, Position = 2, InvitedAt = now, JoinedAt = now, LeftAt = now });
        crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crewId, UserId = ids["cy"], Status = CrewMemberStatus.Invited, Position = 3, InvitedAt = now });
        db.Crews.Add(crew);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task CrewBoard_CardsGoFromAwarenessToTestToMastery_ByThePlainForms_AndAreRemovedOnlyAfterAsking()
    {
        var board = $"/crews/{crewId}/board";
        var (added, _) = await people["ana"].SubmitAsync(board, new Dictionary<string, string> { ["Column"] = "Awareness", ["Text"] = "We start late every week." }, handler: "Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"{board}#column-awareness", added.Headers.Location!.OriginalString);

        var (_, page) = await people["ben"].GetAsync(board);
        var card = Assert.Single(page.QuerySelectorAll("#column-awareness .board-card"));
        Assert.Contains("We start late every week.", card.TextContent);
        Assert.Contains("Ana", card.TextContent);
        // Within the mastery board only: to Test or to Mastery, never to the task board's columns.
        Assert.Equal(["Test", "Mastery"], card.QuerySelectorAll("form[data-move-to]").Select(f => f.GetAttribute("data-move-to")!));
        var id = card.GetAttribute("data-card")!;

        var (moved, _) = await MoveAsync(people["ben"], board, id, "Test");
        Assert.Equal($"{board}#card-{id}", moved.Headers.Location!.OriginalString);
        var (_, testing) = await people["ana"].GetAsync(board);
        Assert.Empty(testing.QuerySelectorAll("#column-awareness .board-card"));
        Assert.Contains("We start late", testing.QuerySelector("#column-test .board-card")!.TextContent);
        await MoveAsync(people["ana"], board, id, "Mastery");
        var (_, agreed) = await people["ana"].GetAsync(board);
        Assert.Contains("We start late", agreed.QuerySelector("#column-mastery .board-card")!.TextContent);

        // A forged move across to the task board is refused and the card stays where it was.
        var (across, acrossPage) = await PostFormAsync(people["ana"], board, "Move", new() { ["CardId"] = id, ["Column"] = "Done" });
        Assert.Equal(HttpStatusCode.OK, across.StatusCode);
        Assert.Contains("within its own board", acrossPage.QuerySelector("main")!.TextContent);

        // An empty card is refused beside its column's field, which opens again with the message.
        var (empty, emptyPage) = await people["ana"].SubmitAsync(board, new Dictionary<string, string> { ["Column"] = "KnownVoid", ["Text"] = "  " }, handler: "Add");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Write a few words", emptyPage.QuerySelector("#text-knownvoid-error")!.TextContent);
        Assert.NotNull(emptyPage.QuerySelector("#column-knownvoid details.board-add[open]"));

        // The known void and who is around, on the task board.
        await people["ben"].SubmitAsync(board, new Dictionary<string, string> { ["Column"] = "KnownVoid", ["Text"] = "Nobody can host the open evening this month." }, handler: "Add");
        var (_, tasks) = await people["ana"].GetAsync(board);
        var voidCard = tasks.QuerySelector("#column-knownvoid .board-card")!;
        Assert.Contains("open evening", voidCard.TextContent);
        Assert.Equal(["Tasks", "Around", "ToDo", "Done"], voidCard.QuerySelectorAll("form[data-move-to]").Select(f => f.GetAttribute("data-move-to")!));

        var (removed, _) = await PostFormAsync(people["ana"], board, "Remove", new() { ["CardId"] = voidCard.GetAttribute("data-card")! });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var left = await db.BoardCards.Where(c => c.CrewId == crewId).ToListAsync();
        Assert.Equal(BoardColumn.Mastery, Assert.Single(left).Column);
    }

    [Fact]
    public async Task CrewBoard_IsTheCrewsAlone_EveryoneElseGets404_AdministratorsToo()
    {
        var board = $"/crews/{crewId}/board";
        foreach (var name in new[] { "ana", "ben" })
        {
            Assert.Equal(HttpStatusCode.OK, (await people[name].GetAsync(board)).Response.StatusCode);
        }
        foreach (var name in new[] { "cy", "gone", "root" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await people[name].GetAsync(board)).Response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await hub.NewClient().GetAsync(board)).Response.StatusCode);

        // A post by someone outside is a 404 too, and writes nothing.
        var (_, own) = await people["cy"].GetAsync("/me");
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (forged, _) = await people["cy"].PostAsync(board + "?handler=Add", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Column"] = "Awareness", ["Text"] = "Sneaky" });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        using var scope = hub.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<HubDbContext>().BoardCards.AnyAsync(c => c.Text == "Sneaky"));

        // The crew page links its members to the board.
        var (_, crewPage) = await people["ben"].GetAsync($"/crews/{crewId}");
        Assert.NotNull(crewPage.QuerySelector($"#crew-board-link a[href='{board}']"));
    }

    [Fact]
    public async Task CongregationAndWorkingGroupBoards_AreForTheCongregationsMembers_AndKeepTheirCardsApart()
    {
        var congregationBoard = "/congregations/board-river/board";
        var groupBoard = $"/congregations/board-river/working-groups/{groupId}/board";
        foreach (var path in new[] { congregationBoard, groupBoard })
        {
            Assert.Equal(HttpStatusCode.OK, (await people["ben"].GetAsync(path)).Response.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await people["cy"].GetAsync(path)).Response.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await people["root"].GetAsync(path)).Response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await people["ben"].GetAsync($"/congregations/board-river/working-groups/{Guid.NewGuid()}/board")).Response.StatusCode);

        await people["ben"].SubmitAsync(groupBoard, new Dictionary<string, string> { ["Column"] = "Tasks", ["Text"] = "Order seeds for spring." }, handler: "Add");
        await people["ana"].SubmitAsync(congregationBoard, new Dictionary<string, string> { ["Column"] = "Test", ["Text"] = "Open every gathering with a walk." }, handler: "Add");
        var (_, group) = await people["ana"].GetAsync(groupBoard);
        Assert.Contains("Order seeds", group.QuerySelector("#column-tasks")!.TextContent);
        Assert.DoesNotContain("walk", group.QuerySelector("main")!.TextContent);
        var (_, whole) = await people["ben"].GetAsync(congregationBoard);
        Assert.Contains("Open every gathering with a walk.", whole.QuerySelector("#column-test")!.TextContent);
        Assert.DoesNotContain("seeds", whole.QuerySelector("main")!.TextContent);

        // A card of the working group's board cannot be moved through the congregation's board.
        var seed = group.QuerySelector("#column-tasks .board-card")!.GetAttribute("data-card")!;
        var (refused, _) = await PostFormAsync(people["ben"], congregationBoard, "Move", new() { ["CardId"] = seed, ["Column"] = "ToDo" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var (_, still) = await people["ben"].GetAsync(groupBoard);
        Assert.Contains("Order seeds", still.QuerySelector("#column-tasks")!.TextContent);

        var (_, groups) = await people["ben"].GetAsync("/congregations/board-river/working-groups");
        Assert.NotNull(groups.QuerySelector($"a[href='{groupBoard}']"));
    }

    /// <summary>Submits the move form of one card, as its button (or a drop on the column) does.</summary>
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> MoveAsync(FormClient client, string board, string cardId, string to)
    {
        var (_, page) = await client.GetAsync(board);
        var form = page.QuerySelector($"#card-{cardId} form[data-move-to='{to}']")!;
        var values = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        var result = await client.PostAsync(form.GetAttribute("action")!, values);
        Assert.Equal(HttpStatusCode.Redirect, result.Response.StatusCode);
        return result;
    }

    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostFormAsync(FormClient client, string page, string handler, Dictionary<string, string> values)
    {
        var (_, document) = await client.GetAsync(page);
        values["__RequestVerificationToken"] = document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync($"{page}?handler={handler}", values);
    }
}
