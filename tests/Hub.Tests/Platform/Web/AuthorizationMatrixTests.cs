using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Features.Congregations;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>
/// One hub for the whole table: the rows only read (GETs, and POSTs that are refused), so they share it.
/// </summary>
public sealed class MatrixHub : IAsyncLifetime
{
    public HubFactory Hub { get; private set; } = null!;
    public Dictionary<string, FormClient> Clients { get; } = [];

    public async Task InitializeAsync()
    {
        // Development, so the mailbox exists at all; production hides it (tested below).
        Hub = await HubFactory.StartAsync(smtp: false, environment: "Development");
        await Hub.CreatePersonAsync("member@test.example", "quiet garden path");
        await Hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        Clients["anonymous"] = Hub.NewClient();
        Clients["member"] = await Hub.SignedInClientAsync("member@test.example", "quiet garden path");
        Clients["admin"] = await Hub.SignedInClientAsync("admin@test.example", "keeper of keys");
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

/// <summary>
/// Every route against every role: who may open what. A new route goes into the table; the coverage test
/// below fails for any endpoint the hub maps that no row reaches.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixHub fixture) : IClassFixture<MatrixHub>
{
    // 200 = open, 302 = sent to sign in, 403 = refused, 404 = not there.
    public static TheoryData<string, int, int, int> Routes => new()
    {
        // route                           anonymous member admin
        { "/",                             200, 200, 200 },
        { "/healthz",                      200, 200, 200 },
        { "/readyz",                       200, 200, 200 },
        { "/sitemap.xml",                  200, 200, 200 },
        { "/error/404",                    404, 404, 404 },
        { "/handbook",                     200, 200, 200 },
        { "/handbook/no-such-page",        404, 404, 404 },
        { "/search",                       200, 200, 200 },
        { "/search?q=crew",                200, 200, 200 },
        { "/search.json?q=crew",           200, 200, 200 },
        { "/handbook.html",                404, 404, 404 },
        { "/handbook.pdf",                 404, 404, 404 },
        { "/handbook.epub",                404, 404, 404 },
        { "/handbook/changes.xml",         404, 404, 404 },
        { "/admin/handbook",               302, 403, 200 },
        { "/admin/handbook/import.json",   302, 403, 200 },
        { "/admin/handbook/import/events", 302, 403, 200 },
        { "/handbook-diagram-frame",       200, 200, 200 },
        { "/handbook-files/img/none.png",  404, 404, 404 },
        { "/practices",                    200, 200, 200 },
        { "/practices?scale=crew&time=30", 200, 200, 200 },
        { "/practices/check-in",           200, 200, 200 },
        { "/practices/no-such-practice",   404, 404, 404 },
        { "/practices/cards",              200, 200, 200 },
        { "/practices/cards/draw",         302, 302, 302 },
        { "/practices/cards.pdf",          200, 200, 200 },
        { "/admin/practices",              302, 403, 200 },
        { "/admin/practices/edit",         302, 403, 200 },
        { "/admin/practices/edit?slug=check-in", 302, 403, 200 },
        { "/admin/practices/edit?slug=no-such-practice", 302, 403, 404 },
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
        { "/commons/bank-details",         302, 403, 200 },
        { "/gatherings?view=month",        200, 200, 200 },
        { "/gatherings/new",               302, 200, 200 },
        { "/gatherings/calendar",          302, 200, 200 },
        { "/gatherings/00000000-0000-0000-0000-000000000001", 404, 404, 404 },
        { "/gatherings/00000000-0000-0000-0000-000000000001/edit", 302, 404, 404 },
        { "/gatherings/00000000-0000-0000-0000-000000000001/answers", 302, 404, 404 },
        { "/gatherings/00000000-0000-0000-0000-000000000001/tickets", 302, 404, 404 },
        { "/gatherings/00000000-0000-0000-0000-000000000001/crews", 302, 404, 404 },
        { "/gatherings/00000000-0000-0000-0000-000000000001/crews/print", 302, 404, 404 },
        { "/gatherings/00000000-0000-0000-0000-000000000001/hosts", 302, 404, 404 },
        { "/gatherings/00000000-0000-0000-0000-000000000001.ics", 404, 404, 404 },
        { "/gatherings/00000000-0000-0000-0000-000000000001/cover", 404, 404, 404 },
        { "/congregations/no-such-place/cover", 404, 404, 404 },
        { "/gatherings?kind=Camp&scale=Network", 200, 200, 200 },
        { "/calendar.ics",                 200, 200, 200 },
        { "/calendar/not-a-token.ics",     404, 404, 404 },
        { "/congregations/no-such-place/calendar.ics", 404, 404, 404 },
        { "/crews/new",                    302, 200, 200 },
        { "/crews/00000000-0000-0000-0000-000000000001", 302, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/time", 302, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/agreements", 302, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/retrospective", 302, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/plan", 302, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/meetings/1", 302, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/meetings/1/room", 302, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/meetings/1/room/events", 404, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/terms/1/meetings/1/room", 302, 404, 404 },
        // A crew's decisions are its people's: everyone else, administrators included, finds nothing.
        { "/crews/00000000-0000-0000-0000-000000000001/decisions", 302, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/decisions/new", 302, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/decisions/00000000-0000-0000-0000-000000000002", 302, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/decisions.csv", 302, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/decisions.json", 302, 404, 404 },
        // A crew's and a pair's conversations are theirs alone: everyone else, administrators included, finds nothing.
        { "/crews/00000000-0000-0000-0000-000000000001/conversations", 302, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/conversations/new", 302, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/conversations/00000000-0000-0000-0000-000000000002", 302, 404, 404 },
        { "/dyads/00000000-0000-0000-0000-000000000001/conversations", 302, 404, 404 },
        { "/dyads/00000000-0000-0000-0000-000000000001/conversations/new", 302, 404, 404 },
        { "/dyads/00000000-0000-0000-0000-000000000001/conversations/00000000-0000-0000-0000-000000000002", 302, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/board", 302, 404, 404 },
        { "/crews/00000000-0000-0000-0000-000000000001/cards", 302, 404, 404 },
        { "/congregations/no-such-place/working-groups/00000000-0000-0000-0000-000000000001/time", 302, 404, 404 },
        { "/dyads",                        302, 200, 200 },
        { "/dyads/new",                    302, 200, 200 },
        { "/dyads/00000000-0000-0000-0000-000000000001", 302, 404, 404 },
        { "/dyads/00000000-0000-0000-0000-000000000001/agreements", 302, 404, 404 },
        { "/programs",                     302, 200, 200 },
        { "/programs/new",                 302, 200, 200 },
        { "/programs/00000000-0000-0000-0000-000000000001", 302, 404, 404 },
        { "/programs/00000000-0000-0000-0000-000000000001/edit", 302, 404, 404 },
        { "/programs/00000000-0000-0000-0000-000000000001/print", 302, 404, 404 },
        { "/programs/00000000-0000-0000-0000-000000000001/calls/1/zoom.csv", 302, 404, 404 },
        { "/programs/00000000-0000-0000-0000-000000000001/calls/1/start", 302, 404, 404 },
        { "/programs/00000000-0000-0000-0000-000000000001/formation/00000000-0000-0000-0000-000000000002", 302, 404, 404 },
        { "/programs/rooms/no-such-secret", 404, 404, 404 },
        { "/me",                           302, 200, 200 },
        { "/me/profile",                   302, 200, 200 },
        { "/time-zone",                    200, 200, 200 },
        { "/language",                     200, 200, 200 },
        { "/people/pick?q=a",              200, 200, 200 },
        { "/me/journal",                   302, 200, 200 },
        { "/me/pathway",                   302, 200, 200 },
        { "/me/responsibilities",          302, 200, 200 },
        { "/me/notifications",             302, 200, 200 },
        { "/me/notifications/events",      401, 200, 200 }, // the header's live count: a stream, so a 401 (EventSource stops), not a sign-in page
        { "/people/no-such-person",        404, 404, 404 },
        // Offers and requests are for the hub's members: never a visitor's (nor in a feed or the sitemap).
        { "/offers",                       302, 200, 200 },
        { "/offers?q=bookkeeping&place=lisbon&online=true&kind=Offer", 302, 200, 200 },
        { "/offers/new",                   302, 200, 200 },
        { "/offers/new?congregation=no-such-place&kind=request", 302, 200, 200 },
        { "/offers/00000000-0000-0000-0000-000000000001", 302, 404, 404 },
        { "/people/no-such-person/photo",  404, 404, 404 },
        { "/account/sign-up",              200, 302, 302 },
        { "/account/sign-in",              200, 200, 200 },
        { "/account/forgot-password",      200, 200, 200 },
        { "/account/resend-confirmation",  200, 200, 200 },
        { "/account/check-email",          200, 200, 200 },
        { "/account/confirm-email",        400, 400, 400 },
        { "/account/confirm-email-change", 400, 400, 400 },
        { "/account/reset-password",       200, 200, 200 },
        { "/account/unlock",               400, 400, 400 },
        { "/account/sign-out",             200, 200, 200 },
        { "/invitations/no-such-token",    404, 404, 404 },
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
        { "/admin",                        302, 403, 200 },
        { "/commons/stripe/return",        302, 302, 302 }, // back to the commons: without Stripe (or a session) there is nothing to confirm
        { "/no-such-page",                 404, 404, 404 },
    };

    /// <summary>Endpoints that answer only POST, posted empty (no form, no anti-forgery token, no signature).</summary>
    public static TheoryData<string, int, int, int> PostOnlyRoutes => new()
    {
        // route                           anonymous member admin
        { "/commons/stripe/webhook",       404, 404, 404 }, // 404 while Stripe is not configured
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Get_EachRole_GetsTheExpectedAnswer(string route, int anonymous, int member, int admin)
    {
        foreach (var (role, expected) in new[] { ("anonymous", anonymous), ("member", member), ("admin", admin) })
        {
            // Headers only: a live stream (server-sent events) answers at once and stays open; closing it ends it.
            using var request = new HttpRequestMessage(HttpMethod.Get, route);
            using var response = await fixture.Clients[role].Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.True(expected == (int)response.StatusCode, $"{role} GET {route}: expected {expected}, got {(int)response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(PostOnlyRoutes))]
    public async Task Post_EachRole_GetsTheExpectedAnswer(string route, int anonymous, int member, int admin)
    {
        foreach (var (role, expected) in new[] { ("anonymous", anonymous), ("member", member), ("admin", admin) })
        {
            var response = await fixture.Clients[role].Http.PostAsync(route, new StringContent(""));
            Assert.True(expected == (int)response.StatusCode, $"{role} POST {route}: expected {expected}, got {(int)response.StatusCode}");
        }
    }

    /// <summary>
    /// Every endpoint the hub maps (Razor pages and minimal endpoints alike) is reached by some row of a
    /// matrix, as the router would choose it for that row's path.
    /// </summary>
    [Fact]
    public void EveryMappedEndpoint_HasARowInAnAuthorizationMatrix()
    {
        var services = fixture.Hub.Services;
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var constraints = services.GetRequiredService<IInlineConstraintResolver>();
        var rows = Paths(Routes, "GET").Concat(Paths(PostOnlyRoutes, "POST"))
            .Concat(Paths(CongregationAuthorizationTests.Routes, "GET")
                .Select(r => (r.Path.Replace("SLUG", "matrix-congregation").Replace("ROUND", Guid.Empty.ToString()).Replace("GATHERING", Guid.Empty.ToString()), r.Method)));
        // Razor Pages may map one page more than once with the same pattern: an endpoint is its methods and pattern.
        var reached = new HashSet<string>();
        foreach (var (path, method) in rows)
        {
            var chosen = endpoints
                .Where(e => Accepts(e, method) && Matches(e, path, constraints))
                .OrderBy(e => e.Order).ThenBy(e => RoutePrecedence.ComputeInbound(new RouteTemplate(e.RoutePattern)))
                .FirstOrDefault();
            if (chosen is not null)
            {
                reached.Add(Describe(chosen));
            }
        }
        var missing = endpoints.Where(e => !reached.Contains(Describe(e)))
            .Select(e => $"{Describe(e)} ({e.DisplayName})").Distinct()
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0,
            $"{missing.Count} endpoint(s) are in no authorisation matrix:\n  " + string.Join("\n  ", missing) + "\n"
            + "Add a row with what each role gets to AuthorizationMatrixTests.Routes (tests/Hub.Tests/Platform/Web/AuthorizationMatrixTests.cs), "
            + "to PostOnlyRoutes beside it for an endpoint that answers only POST, or to CongregationAuthorizationTests.Routes "
            + "(tests/Hub.Tests/Features/Congregations) for a congregation's page.");
    }

    private static IEnumerable<(string Path, string Method)> Paths(TheoryData<string, int, int, int> rows, string method) =>
        rows.Select(row => (((string)row[0]).Split('?')[0], method));

    private static IEnumerable<(string Path, string Method)> Paths(TheoryData<string, int, int, int, int, int> rows, string method) =>
        rows.Select(row => (((string)row[0]).Split('?')[0], method));

    private static bool Accepts(Endpoint endpoint, string method) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(method);

    private static string Describe(RouteEndpoint endpoint) =>
        (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods ? string.Join(",", methods.HttpMethods) : "ANY")
        + " /" + endpoint.RoutePattern.RawText?.TrimStart('/');

    /// <summary>Whether the router could take <paramref name="path"/> to this endpoint: the template and its constraints.</summary>
    private static bool Matches(RouteEndpoint endpoint, string path, IInlineConstraintResolver constraints)
    {
        var values = new RouteValueDictionary();
        var matcher = new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary(endpoint.RoutePattern.Defaults));
        if (!matcher.TryMatch(new PathString(path), values))
        {
            return false;
        }
        foreach (var (name, policies) in endpoint.RoutePattern.ParameterPolicies)
        {
            if (!values.TryGetValue(name, out var value) || value is null)
            {
                continue; // an optional parameter left out
            }
            foreach (var policy in policies)
            {
                var constraint = policy.ParameterPolicy as IRouteConstraint
                    ?? (policy.Content is { } content ? constraints.ResolveConstraint(content) : null);
                if (constraint is not null && !constraint.Match(null, null, name, values, RouteDirection.IncomingRequest))
                {
                    return false;
                }
            }
        }
        return true;
    }
}

public sealed class MailboxInProductionTests
{
    [Trait(DatabaseTrait.Name, DatabaseTrait.Either)] // checks a page absent in production; the database does not change it
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
