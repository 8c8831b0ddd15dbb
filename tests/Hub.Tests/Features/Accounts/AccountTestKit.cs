using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsolidarity.Hub.Platform.Background;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Accounts;

/// <summary>A browser of the tests: its own cookies, and requests that arrive from a chosen client address.</summary>
public sealed record Device(FormClient Client, CookieContainer Cookies, Uri BaseAddress)
{
    /// <summary>The cookies as a thief who copied them would send them, without the browser.</summary>
    public string CookieHeader => Cookies.GetCookieHeader(BaseAddress);
}

public static class AccountTestKit
{
    /// <summary>
    /// A second host on the same database whose TimeProvider is <paramref name="clock"/> (the hub reads
    /// every "now" from it). Dispose it before the hub. Its scheduled jobs do not run: a test that moves the
    /// clock runs the job it checks by hand, and a job's own first run, which .NET starts on the thread pool,
    /// could otherwise read the clock after the test moved it and do the work the test then expects to do.
    /// </summary>
    public static WebApplicationFactory<Program> WithClock(this HubFactory hub, ShiftedClock clock) =>
        hub.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            foreach (var job in s.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.IsSubclassOf(typeof(PeriodicJob)) == true).ToList())
            {
                s.Remove(job);
            }
        }));

    /// <summary>
    /// A client whose requests reach the hub from <paramref name="address"/>, as they would from another
    /// machine: the test server sets the connection's remote address, and the hub resolves nothing else.
    /// </summary>
    public static Device NewDevice(this WebApplicationFactory<Program> hub, string address = "198.51.100.1")
    {
        var cookies = new CookieContainer();
        var remote = IPAddress.Parse(address);
        var handler = new CookieContainerHandler(cookies)
        {
            InnerHandler = hub.Server.CreateHandler(context => context.Connection.RemoteIpAddress = remote),
        };
        var baseAddress = hub.ClientOptions.BaseAddress;
        return new Device(new FormClient(new HttpClient(handler) { BaseAddress = baseAddress }), cookies, baseAddress);
    }

    /// <summary>Sends <paramref name="cookieHeader"/> as it is: a replayed copy of someone's cookies.</summary>
    public static HttpClient Replaying(this WebApplicationFactory<Program> hub, string cookieHeader)
    {
        var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return client;
    }

    public static Dictionary<string, string> SignInForm(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    public static async Task SignInAsync(this Device device, string email, string password)
    {
        var (response, page) = await device.Client.SubmitAsync("/account/sign-in", SignInForm(email, password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
    }

    /// <summary>Whether /account opens (200) or sends to sign-in (302).</summary>
    public static async Task<HttpStatusCode> AccountPageAsync(this HttpClient client) => (await client.GetAsync("/account")).StatusCode;
}
