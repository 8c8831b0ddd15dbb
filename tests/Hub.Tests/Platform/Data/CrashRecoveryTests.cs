using System.Collections.Concurrent;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsolidarity.Hub.Testing;
using Npgsql;

namespace Microsolidarity.Hub.Tests.Platform.Data;

/// <summary>SIGKILL in the middle of a burst of sign-ups, then a restart on the same data.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task SignUpBurst_KilledWithSigkill_EveryAnsweredSignUpSurvivesTheRestart()
    {
        // From the migrated schema: what is tested is the kill and the restart, not migrating an empty database.
        await using var database = await TestDatabase.CreateAsync(migrated: true);
        var folder = TestPaths.NewTemporaryDirectory("hub-crash");
        await database.PrepareDataDirectoryAsync(Path.Combine(folder, "data"));
        var settings = database.Settings().ToDictionary(s => s.Key, s => s.Value);
        settings["RateLimits:AccountFormsPerMinute"] = "100000";
        settings["Hub:SeedDemo"] = "false";

        var answered = new ConcurrentBag<string>();
        var killed = false;
        await using (var hub = await HubProcess.StartAsync(folder, settings))
        {
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
            {
                var client = FormClient.For(hub.BaseUrl);
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var email = $"burst-{worker}-{i}@test.example";
                    try
                    {
                        var (response, _) = await client.SubmitAsync("/account/sign-up", new Dictionary<string, string>
                        {
                            ["Input.DisplayName"] = $"Burst {worker}-{i}",
                            ["Input.Email"] = email,
                            ["Input.Password"] = "a perfectly fine passphrase",
                        });
                        if (response.StatusCode == HttpStatusCode.Redirect)
                        {
                            answered.Add(email);
                        }
                    }
                    catch (Exception) when (killed)
                    {
                        return; // the server is gone; whatever the request saw of it does not count
                    }
                }
            })).ToList();

            // A guard against a hub that stops answering, not a speed check: the loop ends at 30 answers, which a
            // quiet machine reaches in seconds; at a load average near 60 only 8 were answered in 60 s.
            var deadline = DateTime.UtcNow + HubProcess.HealthWait;
            while (answered.Count < 30 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
            killed = true;
            await hub.KillHardAsync();
            stop.Cancel();
            await Task.WhenAll(workers);
        }
        Assert.True(answered.Count >= 30, $"only {answered.Count} sign-ups were answered before the kill");

        await using (var restarted = await HubProcess.StartAsync(folder, settings))
        {
            var health = await new HttpClient().GetAsync($"{restarted.BaseUrl}/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        var (accounts, outbox, integrity) = await ReadBackAsync(database, folder);
        Assert.Equal("ok", integrity);
        var missing = answered.Where(e => !accounts.Contains(e)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} answered sign-ups were lost: {string.Join(", ", missing.Take(5))}");
        var withoutMail = answered.Where(e => !outbox.Contains(e)).ToList();
        Assert.True(withoutMail.Count == 0, $"{withoutMail.Count} sign-ups have no confirmation email queued");
    }

    private static async Task<(HashSet<string> Accounts, HashSet<string> Outbox, string Integrity)> ReadBackAsync(TestDatabase database, string folder)
    {
        var accounts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var outbox = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (database.IsPostgres)
        {
            await using var pg = new NpgsqlConnection(database.ConnectionString);
            await pg.OpenAsync();
            await ReadAsync(pg.CreateCommand(), accounts, outbox);
            return (accounts, outbox, "ok");
        }
        await using var sqlite = new SqliteConnection($"Data Source={Path.Combine(folder, "data", "hub.db")}");
        await sqlite.OpenAsync();
        var check = sqlite.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        var integrity = (string)(await check.ExecuteScalarAsync())!;
        await ReadAsync(sqlite.CreateCommand(), accounts, outbox);
        return (accounts, outbox, integrity);
    }

    private static async Task ReadAsync(System.Data.Common.DbCommand command, HashSet<string> accounts, HashSet<string> outbox)
    {
        command.CommandText = "SELECT \"Email\" FROM \"AspNetUsers\"";
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                accounts.Add(reader.GetString(0));
            }
        }
        command.CommandText = "SELECT \"ToAddress\" FROM \"OutgoingEmails\"";
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                outbox.Add(reader.GetString(0));
            }
        }
    }
}

public sealed class ReverseProxyTests
{
    [Trait(DatabaseTrait.Name, DatabaseTrait.Either)] // checks the links a proxy needs; the database does not change it
    [Fact]
    public async Task SignUp_BehindAConfiguredProxyOnLoopback_LinksUseThePublicUrlAndTheRequestCountsAsHttps()
    {
        await using var database = await TestDatabase.CreateAsync(migrated: true);
        await using var smtp = await SmtpSink.StartAsync();
        var folder = TestPaths.NewTemporaryDirectory("hub-proxy");
        await database.PrepareDataDirectoryAsync(Path.Combine(folder, "data"));
        var settings = database.Settings().ToDictionary(s => s.Key, s => s.Value);
        settings["Hub:SeedDemo"] = "false";
        settings["Hub:PublicUrl"] = "https://hub.example.org";
        settings["ReverseProxy:KnownProxies:0"] = "127.0.0.1";
        settings["Email:Smtp:Host"] = "127.0.0.1";
        settings["Email:Smtp:Port"] = smtp.Port.ToString();
        settings["Email:Smtp:Security"] = "None";
        await using var hub = await HubProcess.StartAsync(folder, settings);

        // As the documented nginx sends it: the hub's own name as Host, the original scheme in X-Forwarded-Proto, from 127.0.0.1.
        using var overHttps = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(hub.BaseUrl), "/account/sign-up"));
        overHttps.Headers.Host = "hub.example.org";
        overHttps.Headers.Add("X-Forwarded-Proto", "https");
        using var plain = new HttpClient();
        var answered = await plain.SendAsync(overHttps);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.True(answered.Headers.Contains("Strict-Transport-Security"), "a request the trusted proxy says came over HTTPS is answered as HTTPS");

        // (The test's client speaks plain HTTP, so it signs up without the HTTPS header: the anti-forgery cookie
        // of an HTTPS answer is Secure and would not come back over HTTP.)
        var client = FormClient.For(hub.BaseUrl);
        client.Http.DefaultRequestHeaders.Host = "hub.example.org";
        var (response, _) = await client.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Proxied",
            ["Input.Email"] = "proxied@test.example",
            ["Input.Password"] = "a perfectly fine passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var link = SmtpSink.LinkIn(await smtp.WaitForAsync("proxied@test.example", "Confirm"), "/account/confirm-email");
        Assert.StartsWith("https://hub.example.org/account/confirm-email?", link);
    }
}
