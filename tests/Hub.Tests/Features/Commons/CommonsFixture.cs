using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Features.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Commons;

/// <summary>
/// One hub for every commons test (they run one after another in this collection), with Stripe
/// keys set so the webhook is on. Each test makes its own people, so tests do not lean on each other.
/// </summary>
public sealed class CommonsFixture : IAsyncLifetime
{
    public const string WebhookSecret = "whsec_test_only_not_a_real_secret";
    public const string Password = "coins in a jar";

    public HubFactory Hub { get; private set; } = null!;

    /// <summary>The Stripe API the hub talks to: a Stripe-compatible server on loopback.</summary>
    public LocalStripe Stripe { get; private set; } = null!;
    public HubUser Admin { get; private set; } = null!;
    public FormClient AdminClient { get; private set; } = null!;
    private int people;

    public async Task InitializeAsync()
    {
        Stripe = await LocalStripe.StartAsync();
        Hub = await HubFactory.StartAsync(settings =>
        {
            settings["Commons:Stripe:SecretKey"] = "sk_test_only_not_a_real_key";
            settings["Commons:Stripe:ApiBase"] = Stripe.BaseUrl;
            settings["Commons:Stripe:WebhookSecret"] = WebhookSecret;
            // Operations called directly run outside a request; emails still need whole links.
            settings["Hub:PublicUrl"] = "http://hub.test.example";
        });
        Admin = await Hub.CreatePersonAsync("hub-admin@test.example", Password, admin: true, name: "Hub Admin");
        AdminClient = await Hub.SignedInClientAsync("hub-admin@test.example", Password);
    }

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    public async Task<(HubUser User, FormClient Client)> PersonAsync(string name, params CommonsRoleKind[] roles)
    {
        var email = $"{name.ToLowerInvariant()}{Interlocked.Increment(ref people)}@test.example";
        var user = await Hub.CreatePersonAsync(email, Password, name: name);
        foreach (var role in roles)
        {
            await RunAsync<NameCommonsRole>(op => op.RunAsync(Admin.Id, email, role));
        }
        return (user, await Hub.SignedInClientAsync(email, Password));
    }

    /// <summary>Runs an operation in its own scope, as a request would.</summary>
    public async Task<T> RunAsync<TOperation, T>(Func<TOperation, Task<T>> run) where TOperation : notnull
    {
        using var scope = Hub.Services.CreateScope();
        return await run(scope.ServiceProvider.GetRequiredService<TOperation>());
    }

    public Task<Outcome> RunAsync<TOperation>(Func<TOperation, Task<Outcome>> run) where TOperation : notnull => RunAsync<TOperation, Outcome>(run);

    public async Task<T> DbAsync<T>(Func<HubDbContext, Task<T>> query)
    {
        using var scope = Hub.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    /// <summary>A contributor: pledged, and a treasurer recorded one payment.</summary>
    public async Task<(HubUser User, FormClient Client)> ContributorAsync(string name, HubUser treasurer, long amountMinor = 500, params CommonsRoleKind[] roles)
    {
        var person = await PersonAsync(name, roles);
        var (_, pledgeId) = await RunAsync<PledgeContribution, (Outcome, Guid?)>(op => op.RunAsync(person.User.Id, amountMinor, "EUR", monthly: true));
        var (outcome, _) = await RunAsync<RecordPayment, (Outcome, Guid?)>(op => op.ByTreasurerAsync(treasurer.Id, new RecordPayment.Input(pledgeId!.Value, amountMinor, "EUR", DateTime.UtcNow)));
        Assert.True(outcome.Succeeded, outcome.Message);
        return person;
    }
}

[CollectionDefinition("commons")]
public sealed class CommonsCollection : ICollectionFixture<CommonsFixture>;
