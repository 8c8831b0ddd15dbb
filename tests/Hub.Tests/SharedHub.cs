namespace Microsolidarity.Hub.Tests;

/// <summary>
/// One hub for all the tests of a class (<c>IClassFixture&lt;SharedHub&gt;</c>), for classes whose tests do not
/// need an empty database: each test makes its own people, congregations and gatherings, with names no other
/// test of the class uses (<see cref="Unique"/>), and asserts about those alone. A hub start costs about a
/// second of CPU; the people and pages a test makes cost a fraction of that. xunit runs the tests of one
/// class one after another, so they never race for the shared hub.
/// </summary>
public class SharedHub : IAsyncLifetime
{
    public HubFactory Hub { get; private set; } = null!;

    protected virtual Task<HubFactory> StartAsync() => HubFactory.StartAsync();

    public async Task InitializeAsync() => Hub = await StartAsync();

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

/// <summary>A <see cref="SharedHub"/> without an SMTP server, for classes that send no mail.</summary>
public sealed class SharedHubWithoutMail : SharedHub
{
    protected override Task<HubFactory> StartAsync() => HubFactory.StartAsync(smtp: false);
}

/// <summary>Names and addresses no other test on a shared hub uses.</summary>
public static class Unique
{
    /// <summary>"ada" becomes ada-3f2c9a1b@test.example.</summary>
    public static string Email(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}@test.example";

    /// <summary>"Lisbon Commons" becomes "Lisbon Commons 3f2c9a1b".</summary>
    public static string Name(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";
}
