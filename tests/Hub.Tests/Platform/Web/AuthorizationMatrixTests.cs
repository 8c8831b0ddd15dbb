using System.Net;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>Every route against every role: who may open what. A new route goes into the table.</summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> clients = [];

    public async Task InitializeAsync()
    {
        // Development, so the mailbox exists at all; production hides it (tested below).
        hub = await HubFactory.StartAsync(smtp: false, environment: "Development");
        await hub.CreatePersonAsync("member@test.example", "quiet garden path");
        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        clients["anonymous"] = hub.NewClient();
        clients["member"] = await hub.SignedInClientAsync("member@test.example", "quiet garden path");
        clients["admin"] = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    // 200 = open, 302 = sent to sign in, 403 = refused, 404 = not there.
    public static TheoryData<string, int, int, int> Routes => new()
    {
        // route                           anonymous member admin
        { "/",                             200, 200, 200 },
        { "/healthz",                      200, 200, 200 },
        { "/handbook",                     200, 200, 200 },
        { "/handbook/no-such-page",        404, 404, 404 },
        { "/search",                       200, 200, 200 },
        { "/search?q=crew",                200, 200, 200 },
        { "/admin/handbook",               302, 403, 200 },
        { "/admin/handbook/import.json",   302, 403, 200 },
        { "/handbook-diagram-frame",       200, 200, 200 },
        { "/congregations",                200, 200, 200 },
        { "/crews",                        200, 200, 200 },
        { "/gatherings",                   200, 200, 200 },
        { "/commons",                      200, 200, 200 },
        { "/commons/contribute",           302, 200, 200 },
        { "/commons/proposals",            302, 200, 200 },
        { "/commons/proposals/00000000-0000-0000-0000-000000000001", 302, 404, 404 },
        { "/commons/treasury",             302, 403, 403 },
        { "/commons/import",               302, 403, 403 },
        { "/commons/ledger.csv",           302, 403, 200 },
        { "/commons/ledger.json",          302, 403, 200 },
        { "/admin/commons",                302, 403, 200 },
        { "/gatherings?view=month",        200, 200, 200 },
        { "/gatherings/new",               302, 200, 200 },
        { "/gatherings/calendar",          302, 200, 200 },
        { "/gatherings/00000000-0000-0000-0000-000000000001", 404, 404, 404 },
        { "/gatherings/00000000-0000-0000-0000-000000000001/edit", 302, 404, 404 },
        { "/gatherings/00000000-0000-0000-0000-000000000001/answers", 302, 404, 404 },
        { "/gatherings/00000000-0000-0000-0000-000000000001/tickets", 302, 404, 404 },
        { "/gatherings/00000000-0000-0000-0000-000000000001.ics", 404, 404, 404 },
        { "/calendar.ics",                 200, 200, 200 },
        { "/calendar/not-a-token.ics",     404, 404, 404 },
        { "/congregations/no-such-place/calendar.ics", 404, 404, 404 },
        { "/crews/new",                    302, 200, 200 },
        { "/crews/00000000-0000-0000-0000-000000000001", 302, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/time", 302, 404, 404 },
        { "/congregations/no-such-place/working-groups/00000000-0000-0000-0000-000000000001/time", 302, 404, 404 },
        { "/dyads",                        302, 200, 200 },
        { "/dyads/new",                    302, 200, 200 },
        { "/dyads/00000000-0000-0000-0000-000000000001", 302, 404, 404 },
        { "/programs",                     302, 200, 200 },
        { "/programs/new",                 302, 200, 200 },
        { "/programs/00000000-0000-0000-0000-000000000001", 302, 404, 404 },
        { "/programs/00000000-0000-0000-0000-000000000001/edit", 302, 404, 404 },
        { "/programs/00000000-0000-0000-0000-000000000001/print", 302, 404, 404 },
        { "/programs/00000000-0000-0000-0000-000000000001/calls/1/zoom.csv", 302, 404, 404 },
        { "/programs/rooms/no-such-secret", 404, 404, 404 },
        { "/me/profile",                   302, 200, 200 },
        { "/me/journal",                   302, 200, 200 },
        { "/me/pathway",                   302, 200, 200 },
        { "/me/notifications",             302, 200, 200 },
        { "/people/no-such-person",        404, 404, 404 },
        { "/account/sign-up",              200, 302, 302 },
        { "/account/sign-in",              200, 200, 200 },
        { "/account/forgot-password",      200, 200, 200 },
        { "/account/resend-confirmation",  200, 200, 200 },
        { "/account/check-email",          200, 200, 200 },
        { "/account",                      302, 200, 200 },
        { "/account/delete",               302, 200, 200 },
        { "/account/download-data",        302, 200, 200 },
        { "/dev/mailbox",                  302, 403, 200 },
        { "/newsletter",                   200, 200, 200 },
        { "/newsletter/write",             302, 403, 200 },
        { "/newsletter/confirm?token=x",   200, 200, 200 },
        { "/newsletter/unsubscribe?token=x", 200, 200, 200 },
        { "/newsletter/00000000-0000-0000-0000-000000000001", 404, 404, 404 },
        { "/feed.xml",                     200, 200, 200 },
        { "/podcast",                      200, 200, 200 },
        { "/podcast.xml",                  200, 200, 200 },
        { "/podcast/new",                  302, 403, 200 },
        { "/podcast/no-such-episode",      404, 404, 404 },
        { "/podcast/audio/no-such.wav",    404, 404, 404 },
        { "/admin/webhooks",               302, 403, 200 },
        { "/no-such-page",                 404, 404, 404 },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Get_EachRole_GetsTheExpectedAnswer(string route, int anonymous, int member, int admin)
    {
        foreach (var (role, expected) in new[] { ("anonymous", anonymous), ("member", member), ("admin", admin) })
        {
            var response = await clients[role].Http.GetAsync(route);
            Assert.True(expected == (int)response.StatusCode, $"{role} GET {route}: expected {expected}, got {(int)response.StatusCode}");
        }
    }
}

public sealed class MailboxInProductionTests
{
    [Fact]
    public async Task Mailbox_InProduction_IsNotThereEvenForAdmins()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false, environment: "Production");
        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
        var (response, page) = await admin.GetAsync("/dev/mailbox");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Mailbox", page.QuerySelector("nav[aria-label=Account]")!.TextContent);
    }
}
