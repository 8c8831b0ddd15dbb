using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Features.Congregations;
using Npgsql;
using SkiaSharp;
using Xunit.Abstractions;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>
/// Three real hub processes on one PostgreSQL database and one S3-compatible store, as scripts/cluster.sh runs
/// them behind nginx: whichever node a request reaches, it is the same hub. A person signed in through one node
/// is signed in on the others; a congregation made through one is in the others' directory at once (their copies
/// are dropped when told over NOTIFY); a photo uploaded through one is served by another; and the email queue is
/// sent once, whole, while a node joins and another dies mid-send. Two nodes start together on a database no hub
/// has started on. Several nodes need PostgreSQL, so ./test.sh runs this class in the PostgreSQL run only.
/// </summary>
[Trait("Nodes", "Several")]
public sealed partial class SeveralNodesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ThreeNodes_ServeAsOneHub_AndSendEachQueuedEmailOnce_WhileOneJoinsAndOneDies()
    {
        Assert.True(TestDatabase.ProviderUnderTest == "postgres",
            "Several web nodes run on PostgreSQL only: run this class with HUB_TEST_PROVIDER=postgres (./test.sh does).");
        var clock = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync(migrated: true);
        await using var store = await S3Host.StartAsync();
        await using var mailA = await SmtpSink.StartAsync();
        await using var mailB = await SmtpSink.StartAsync();
        await using var mailC = await SmtpSink.StartAsync();
        var nodes = new List<HubProcess>();
        try
        {
            // Each node has a mail server of its own, so what arrived says which node sent it.
            Dictionary<string, string> Settings(SmtpSink mail)
            {
                var settings = database.Settings().ToDictionary(s => s.Key, s => s.Value);
                foreach (var (key, value) in store.Settings())
                {
                    settings[key] = value!;
                }
                settings["Hub:SeedDemo"] = "false";
                settings["Database:MigrateAtStart"] = "false"; // migrated once, as `hub migrate` does before the nodes start
                settings["Web:PublicCacheSeconds"] = "120"; // far longer than the test: a copy that is still served was not dropped
                settings["Email:PollInterval"] = "00:00:00.1";
                settings["Email:Smtp:Host"] = "127.0.0.1";
                settings["Email:Smtp:Port"] = mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                settings["Email:Smtp:Security"] = "None";
                settings["RateLimits:AccountFormsPerMinute"] = "1000";
                return settings;
            }
            async Task<HubProcess> StartAsync(string name, SmtpSink mail)
            {
                HubProcess node;
                try
                {
                    node = await HubProcess.StartAsync(TestPaths.NewTemporaryDirectory($"hub-node-{name}"), Settings(mail));
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException)
                {
                    throw new Xunit.Sdk.XunitException($"node {name.ToUpperInvariant()} did not start. {e.Message}");
                }
                lock (nodes)
                {
                    nodes.Add(node);
                }
                return node;
            }

            // A and B start together on a database no hub has started on: one of them makes the first administrator.
            var (a, b) = (StartAsync("a", mailA), StartAsync("b", mailB));
            var (nodeA, nodeB) = (await a, await b);
            var credentials = nodes.SelectMany(n => AdminPassword().Matches(string.Join('\n', n.Output)).Select(m => (Node: n, Password: m.Groups[1].Value))).ToList();
            Assert.True(credentials.Count == 1,
                $"the first start should run on one node and print one password; {credentials.Count} were printed (by the nodes on ports {string.Join(", ", credentials.Select(c => c.Node.Port))})");
            var password = credentials[0].Password;
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: nodes A ({nodeA.Port}) and B ({nodeB.Port}) ready");

            // One browser: its cookies are the same whichever node answers (cookies do not depend on the port).
            var cookies = new CookieContainer();
            FormClient Through(HubProcess node) =>
                new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri(node.BaseUrl) });
            var memberA = Through(nodeA);
            var memberB = Through(nodeB);
            var (signedIn, signInPage) = await memberA.SubmitAsync("/account/sign-in", new Dictionary<string, string>
            {
                ["Input.Email"] = "host@hub.example",
                ["Input.Password"] = password,
            });
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"signing in through node A: {signInPage.QuerySelector("main")?.TextContent}");
            var (account, _) = await memberB.GetAsync("/account");
            Assert.True(account.StatusCode == HttpStatusCode.OK,
                $"the cookie node A gave was not taken by node B: /account answered {(int)account.StatusCode} {account.Headers.Location}");

            // The directory kept by node B, for visitors and for members, then a congregation made through node A.
            var visitorB = FormClient.For(nodeB.BaseUrl);
            await visitorB.Http.GetAsync("/congregations");
            Assert.True((await visitorB.Http.GetAsync("/congregations")).Headers.Contains("Age"), "node B does not keep the visitors' directory");
            var (_, before) = await memberB.GetAsync("/congregations");
            var name = Unique.Name("Circle of Three Nodes");
            Assert.DoesNotContain(name, before.QuerySelector("main")!.TextContent);
            var saved = Stopwatch.StartNew();
            await CongregationTestKit.CreateAsync(Through(nodeA), name);
            var savedIn = saved.Elapsed;
            await InDirectoryAsync(visitorB, name, "a visitor on node B");
            output.WriteLine($"a visitor on node B saw the new congregation {(saved.Elapsed - savedIn).TotalMilliseconds:0} ms after node A saved it");
            await InDirectoryAsync(memberB, name, "a member on node B");
            output.WriteLine($"a member on node B saw it {(saved.Elapsed - savedIn).TotalMilliseconds:0} ms after");

            // A photo uploaded through node A, served by node B.
            var (_, profile) = await memberA.GetAsync("/me/profile");
            var token = profile.QuerySelector("form[action*='handler=Photo'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("Everyone"), "PhotoVisibility" },
                { new ByteArrayContent(Png()), "Photo", "me.png" },
            };
            var uploaded = await memberA.Http.PostAsync("/me/profile?handler=Photo", form);
            Assert.True(uploaded.StatusCode == HttpStatusCode.Redirect, $"uploading a photo through node A answered {(int)uploaded.StatusCode}");
            var photo = $"/people/{await ScalarAsync<string>(database, "SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = 'host@hub.example'")}/photo";
            var fromA = await memberA.Http.GetAsync(photo);
            var fromB = await memberB.Http.GetAsync(photo);
            Assert.True(fromA.StatusCode == HttpStatusCode.OK, $"node A answered {(int)fromA.StatusCode} for the photo it stored");
            Assert.True(fromB.StatusCode == HttpStatusCode.OK, $"node B answered {(int)fromB.StatusCode} for the photo node A stored: the nodes do not share their files");
            var (bytesA, bytesB) = (await fromA.Content.ReadAsByteArrayAsync(), await fromB.Content.ReadAsByteArrayAsync());
            Assert.True(bytesA.AsSpan().SequenceEqual(bytesB), $"node B served other bytes ({bytesB.Length}) than node A ({bytesA.Length}) for the same photo");
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: sign-in, directory and photo are shared");

            await SendOnceAsync(database, nodeB, mailA, mailB, mailC, () => StartAsync("c", mailC), clock);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// A burst in the email queue, sent by A and B; C starts while it goes out and takes its share; B is killed
    /// (SIGKILL) in the middle of a send. Every message arrives exactly once: B's claim keeps the others off its
    /// message until the claim runs out, then one of them sends it.
    /// </summary>
    private async Task SendOnceAsync(TestDatabase database, HubProcess nodeB, SmtpSink mailA, SmtpSink mailB, SmtpSink mailC,
        Func<Task<HubProcess>> startC, Stopwatch clock)
    {
        // A relay that takes a tenth of a second per message, so the burst lasts while C starts and B is stopped in the middle.
        foreach (var mail in new[] { mailA, mailB, mailC })
        {
            await mail.SlowGreetingAsync(TimeSpan.FromMilliseconds(100));
        }
        var queued = new List<Guid>();
        // Filled as the hub's EmailOutbox.Enqueue fills it (the cheapest burst: one statement); sending is all the nodes' own.
        async Task TopUpAsync()
        {
            if (await ScalarAsync<long>(database, "SELECT count(*) FROM \"OutgoingEmails\" WHERE \"SentAt\" IS NULL") >= 20)
            {
                return;
            }
            var ids = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToArray();
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO "OutgoingEmails" ("Id", "ToAddress", "ToName", "Subject", "HtmlBody", "TextBody", "CreatedAt", "NextAttemptAt", "Attempts")
                SELECT id, 'reader-' || @from + n || '@test.example', 'Reader', 'Burst ' || @from + n, '<p>A burst.</p>', 'A burst.',
                       TIMESTAMP '2026-01-01', TIMESTAMP '2026-01-01', 0
                FROM unnest(@ids) WITH ORDINALITY AS t(id, n)
                """, connection);
            insert.Parameters.AddWithValue("ids", ids);
            insert.Parameters.AddWithValue("from", (long)queued.Count);
            await insert.ExecuteNonQueryAsync();
            queued.AddRange(ids);
        }
        async Task WhileAsync(Func<bool> waiting, string what)
        {
            var deadline = DateTime.UtcNow + HubProcess.HealthWait; // a guard against a hang, not a speed check
            while (waiting())
            {
                if (DateTime.UtcNow > deadline)
                {
                    Assert.Fail($"{what}: still waiting after {HubProcess.HealthWait.TotalSeconds:0} s (arrived through A: {mailA.Messages().Count}, B: {mailB.Messages().Count}, C: {mailC.Messages().Count}; queued {queued.Count})");
                }
                await TopUpAsync();
                await Task.Delay(50);
            }
        }

        await TopUpAsync();
        var starting = startC();
        await WhileAsync(() => !starting.IsCompleted, "node C starting while the burst goes out");
        var nodeC = await starting;
        var sentBeforeC = mailA.Messages().Count + mailB.Messages().Count;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: node C ({nodeC.Port}) ready; {sentBeforeC} of {queued.Count} queued were sent meanwhile");
        Assert.True(sentBeforeC > 0, "nothing was sent while node C started");
        await WhileAsync(() => mailC.Messages().Count < 3, "node C taking its share");

        // B's next send connects and waits for a greeting that never comes: B holds the message's claim, nothing of it arrived.
        await mailB.HoldNewConnectionsAsync();
        await WhileAsync(() => mailB.HeldConnections == 0, "node B starting its next send");
        await nodeB.KillHardAsync();
        var total = queued.Count;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: node B killed in the middle of a send, after {mailB.Messages().Count} messages; {total} queued in all");

        // A and C send the rest, all but B's message, which stays claimed: nobody takes a message another node holds.
        var deadline = DateTime.UtcNow + HubProcess.HealthWait;
        while (await ScalarAsync<long>(database, "SELECT count(*) FROM \"OutgoingEmails\" WHERE \"SentAt\" IS NULL") > 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        var open = await ScalarAsync<long>(database, "SELECT count(*) FROM \"OutgoingEmails\" WHERE \"SentAt\" IS NULL");
        Assert.True(open <= 1, $"{open} messages are still unsent after A and C had all the time they needed to send all but node B's one");
        if (open == 1)
        {
            var claimed = await ScalarAsync<Guid?>(database, "SELECT \"Id\" FROM \"OutgoingEmails\" WHERE \"SentAt\" IS NULL AND \"ClaimedUntil\" IS NOT NULL")
                ?? throw new Xunit.Sdk.XunitException("the message left unsent is not claimed: node B's claim was lost or never made");
            Assert.True(!Arrived(mailA, mailB, mailC).ContainsKey(claimed), $"message {claimed:N}, claimed by node B when it was killed, has arrived although it is not marked sent");
            // Claims last two minutes (longer than any send may take); the test moves this one's end to the past, as if
            // they had passed. (On a machine so slow that sending the rest took longer, the claim ran out by itself.)
            await ExecuteAsync(database, $"UPDATE \"OutgoingEmails\" SET \"ClaimedUntil\" = \"ClaimedUntil\" - INTERVAL '1 hour' WHERE \"Id\" = '{claimed}'");
        }
        while (await ScalarAsync<long>(database, "SELECT count(*) FROM \"OutgoingEmails\" WHERE \"SentAt\" IS NULL") > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: all sent (A {mailA.Messages().Count}, B {mailB.Messages().Count}, C {mailC.Messages().Count})");

        var arrived = Arrived(mailA, mailB, mailC);
        var lost = queued.Where(id => !arrived.ContainsKey(id)).ToList();
        var twice = arrived.Where(m => m.Value.Count > 1).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {total} queued messages never arrived, e.g. {string.Join(", ", lost.Take(3).Select(id => id.ToString("N")))}");
        Assert.True(twice.Count == 0, $"{twice.Count} messages arrived more than once: {string.Join("; ", twice.Take(3).Select(m => $"{m.Key:N} through {string.Join(" and ", m.Value)}"))}");
        Assert.True(arrived.Count == total, $"{arrived.Count} distinct messages arrived for {total} queued");
        Assert.True(mailB.Messages().Count > 0 && mailC.Messages().Count > 0, "each node should have sent part of the burst");
        // The message B was sending when it died is the one tried twice: by B, then by A or C.
        var retried = await ScalarAsync<long>(database, "SELECT count(*) FROM \"OutgoingEmails\" WHERE \"Attempts\" <> 1");
        Assert.True(retried == 1, $"{retried} messages were tried other than once; only node B's last one should have been tried twice");
        var held = await ScalarAsync<Guid>(database, "SELECT \"Id\" FROM \"OutgoingEmails\" WHERE \"Attempts\" = 2");
        Assert.True(arrived[held] is ["A"] or ["C"], $"B's last message ({held:N}) was sent by {Describe(arrived, held)}");
    }

    /// <summary>Each arrived message's queue id (its Message-ID's local part), with the nodes whose mail server got it.</summary>
    private static Dictionary<Guid, List<string>> Arrived(SmtpSink a, SmtpSink b, SmtpSink c)
    {
        var arrived = new Dictionary<Guid, List<string>>();
        foreach (var (node, mail) in new[] { ("A", a), ("B", b), ("C", c) })
        {
            foreach (var message in mail.Messages())
            {
                var id = Guid.ParseExact((message.MessageId ?? "").Split('@')[0], "N");
                (arrived.TryGetValue(id, out var by) ? by : arrived[id] = []).Add(node);
            }
        }
        return arrived;
    }

    private static string Describe(Dictionary<Guid, List<string>> arrived, Guid id) =>
        arrived.TryGetValue(id, out var by) ? "node " + string.Join(" and node ", by) : "no node";

    private static async Task InDirectoryAsync(FormClient client, string name, string who)
    {
        // A guard far below the copies' two minutes, not a speed check: on a quiet machine it takes milliseconds.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var (_, page) = await client.GetAsync("/congregations");
            if (page.QuerySelector("main")!.TextContent.Contains(name, StringComparison.Ordinal))
            {
                return;
            }
            await Task.Delay(50);
        }
        Assert.Fail($"{who} still saw the old directory a minute after node A saved '{name}': node B was not told (NOTIFY) and served its copy");
    }

    private static async Task<T> ScalarAsync<T>(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)value;
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(200, 200);
        bitmap.Erase(new SKColor(0x6b, 0x2e, 0x7d));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [GeneratedRegex(@"Password:\s+(\S+)")]
    private static partial Regex AdminPassword();
}
