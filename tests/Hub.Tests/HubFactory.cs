using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests;

/// <summary>
/// The hub in-process on its real database (SQLite, or PostgreSQL when HUB_TEST_PROVIDER=postgres)
/// with a real SMTP server on loopback. Each factory has its own data folder and database, copied from a
/// database the hub migrated once for the whole test run (<see cref="MigratedTemplate"/>).
/// </summary>
public sealed class HubFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly string environment;
    private readonly Action<IServiceCollection>? services;
    private bool kestrel;

    public TestDatabase Database { get; }
    public SmtpSink? Smtp { get; }
    public string DataDirectory { get; }

    /// <summary>Where clients reach the hub: the in-memory server's http://localhost, or Kestrel's loopback port.</summary>
    public Uri Address { get; private set; } = new("http://localhost");

    private HubFactory(TestDatabase database, SmtpSink? smtp, string dataDirectory, Dictionary<string, string?> settings, string environment,
        Action<IServiceCollection>? services)
    {
        (Database, Smtp, DataDirectory, this.settings, this.environment, this.services) = (database, smtp, dataDirectory, settings, environment, services);
    }

    /// <param name="kestrel">
    /// Serve on real Kestrel on a loopback port instead of the in-memory test server: for what only a
    /// real connection has (a client address, a listening address, a Host header as the client sent it).
    /// </param>
    /// <param name="services">
    /// Adds or replaces services after the hub's own, for what only a test provides (a feature that takes replies by email).
    /// </param>
    public static async Task<HubFactory> StartAsync(Action<Dictionary<string, string?>>? configure = null, bool smtp = true, string environment = "Production",
        bool kestrel = false, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(migrated: true);
        var sink = smtp ? await SmtpSink.StartAsync() : null;
        var data = TestPaths.NewTemporaryDirectory("hub-data");
        await database.PrepareDataDirectoryAsync(data);
        var settings = new Dictionary<string, string?>
        {
            ["Hub:DataDirectory"] = data,
            ["Hub:SeedDemo"] = "false",
            ["RateLimits:AccountFormsPerMinute"] = "1000",
            ["Email:PollInterval"] = "00:00:00.1",
            // Searches end by a step cap, not the clock: the same crews on any machine, and no second per search.
            ["Formation:SearchIterations"] = "20000",
        };
        foreach (var (key, value) in database.Settings())
        {
            settings[key] = value;
        }
        if (sink is not null)
        {
            settings["Email:Smtp:Host"] = "127.0.0.1";
            settings["Email:Smtp:Port"] = sink.Port.ToString();
            settings["Email:Smtp:Security"] = "None";
        }
        configure?.Invoke(settings);
        var factory = new HubFactory(database, sink, data, settings, environment, services);
        try
        {
            if (kestrel)
            {
                factory.UseKestrel(0);
                factory.StartServer();
                var listening = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                (factory.Address, factory.kestrel) = (new Uri(listening), true);
            }
            else
            {
                // Start now, so migrations and the first start happen before the test. The in-memory server listens
                // nowhere; it answers at http://localhost, so that is the address the hub's links use.
                var addresses = new ServerAddressesFeature();
                addresses.Addresses.Add(factory.Address.ToString());
                factory.Server.Features.Set<IServerAddressesFeature>(addresses);
            }
        }
        catch
        {
            await factory.DisposeAsync(); // a hub that refuses to start (a test of its settings) leaves nothing behind
            throw;
        }
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        // Passwords are hashed with PBKDF2 at Identity's 100,000 rounds: about 0.2 s of CPU for every person a
        // test makes and every sign-in, which the suite paid over a thousand times per database. Test hubs hash
        // with the same algorithm and format at 1,000 rounds, so making, checking and changing passwords still
        // run for real; the hub's executable (process and browser tests) keeps the full cost.
        builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestHashRounds));
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>PBKDF2 rounds of a test hub's password hashes (the hub itself uses Identity's default).</summary>
    public const int TestHashRounds = 1_000;

    public FormClient NewClient() => kestrel
        ? FormClient.For(Address.ToString()) // the factory's own client follows redirects on Kestrel
        : new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A confirmed person who can sign in at once, optionally an administrator.</summary>
    public async Task<HubUser> CreatePersonAsync(string email, string password, bool admin = false, string name = "Test Person")
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
        var user = new HubUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        if (admin)
        {
            await users.AddToRoleAsync(user, AccountsFeature.AdminRole);
        }
        return user;
    }

    public async Task<FormClient> SignedInClientAsync(string email, string password)
    {
        var client = NewClient();
        var (response, page) = await client.SubmitAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, page.Body?.TextContent);
        return client;
    }

    /// <summary>
    /// Sends every message that is due now, in the test's own flow, and returns how many went out. After it,
    /// anything the hub had queued has reached the SMTP sink (or failed): a test can assert that something was
    /// <em>not</em> sent without waiting and hoping the background sender had its turn.
    /// </summary>
    public async Task<int> DrainOutboxAsync()
    {
        var sender = Services.GetServices<IHostedService>().OfType<Microsolidarity.Hub.Platform.Email.EmailSender>().Single();
        var sent = 0;
        while (await sender.SendNextAsync(CancellationToken.None))
        {
            sent++;
        }
        return sent;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }
        await Database.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
