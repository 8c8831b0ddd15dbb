using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsolidarity.Hub.Platform.Web;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>
/// Error pages. The tests that need no settings of their own share one hub (each failing request leaves
/// nothing behind); those that add a failing address or a log recorder build on it with WithWebHostBuilder,
/// which starts a host of their own on the same database, as before.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.Either)] // checks error pages and request limits; the database does not change it
public sealed class ErrorPageTests(SharedHubWithoutMail shared) : IClassFixture<SharedHubWithoutMail>
{
    private readonly HubFactory hub = shared.Hub;

    /// <summary>Adds, for this test only, addresses whose handlers fail the way a bug, or an unreadable body, would.</summary>
    private sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate following) => context.Request.Path.Value switch
            {
                "/test/bug" => throw new InvalidOperationException("secret detail of a bug"),
                "/test/unreadable-body" => throw new BadHttpRequestException("Unexpected end of request content.", StatusCodes.Status400BadRequest),
                _ => following(context),
            });
        };
    }

    [Fact]
    public async Task UnhandledException_ShowsFriendly500WithoutDetails()
    {
        await using var failing = hub.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, ThrowingRoute>()));
        var client = failing.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/test/bug");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong on our side", html);
        Assert.DoesNotContain("secret detail", html);
        Assert.DoesNotContain("InvalidOperationException", html);
    }

    [Fact]
    public async Task UnreadableBodyException_Is400LoggedAtInformation_NotAFailure()
    {
        var log = new LogRecorder();
        await using var failing = hub.WithWebHostBuilder(b => b
            .ConfigureServices(s => s.AddTransient<IStartupFilter, ThrowingRoute>())
            .ConfigureLogging(l => l.AddProvider(log)));
        var client = failing.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostAsync("/test/unreadable-body", new StringContent("x"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Something in that request did not fit", await response.Content.ReadAsStringAsync());
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("Unexpected end of request content", StringComparison.Ordinal));
        // The one warning allowed is the start's reminder to set Hub:PublicUrl, which has nothing to do with the request.
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning && e.Category != typeof(PublicAddressNotice).FullName);
    }

    [Theory]
    [InlineData("/")] // a page whose forms all name their handler
    [InlineData("/congregations")] // a page that only shows
    public async Task FormNoHandlerAnswers_Is400Page_NotThePageWithoutItsModel(string address)
    {
        var client = hub.NewClient();
        var (_, signIn) = await client.GetAsync("/account/sign-in"); // a valid anti-forgery token, so only the handler is wrong
        var token = signIn.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (response, page) = await client.PostAsync(address, new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Something in that request did not fit", page.Body!.TextContent);
    }

    [Theory]
    [InlineData("500")]
    [InlineData("200")]
    public async Task PostedCodeField_OnMissingPage_StaysNotFound(string code)
    {
        var response = await hub.CreateClient().PostAsync("/no-such-page", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We can&#x27;t find that page", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NulByteInAnyField_Is400Page_LoggedWithTheReason()
    {
        var log = new LogRecorder();
        await using var logged = hub.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));
        var client = new FormClient(logged.CreateClient(new() { AllowAutoRedirect = false }));
        foreach (var fields in new[]
        {
            new Dictionary<string, string> { ["Input.Email"] = "a\0b@test.example", ["Input.Password"] = "x" },
            new Dictionary<string, string> { ["Input.Email"] = "a@test.example", ["Input.Password"] = "x", ["anything"] = "\0" },
        })
        {
            var (response, page) = await client.SubmitAsync("/account/sign-in", fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("Something in that request did not fit", page.QuerySelector("h1")?.TextContent);
        }
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("/account/sign-in", StringComparison.Ordinal)
                                          && e.Message.Contains("invalid characters", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task TwoThousandFields_Is400Page()
    {
        var client = hub.NewClient();
        var fields = Enumerable.Range(0, 2000).ToDictionary(i => $"f{i}", _ => "1");
        fields["Input.Email"] = "a@test.example";
        var (response, page) = await client.SubmitAsync("/account/sign-in", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Something in that request did not fit", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413Page_InProcess()
    {
        var client = hub.CreateClient(new() { AllowAutoRedirect = false });
        var body = new ByteArrayContent(Encoding.ASCII.GetBytes("Input.Email=" + new string('a', 35 * 1024 * 1024)));
        body.Headers.ContentType = new("application/x-www-form-urlencoded");
        var response = await client.PostAsync("/account/sign-in", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("more than the hub accepts at once", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413Page_FromTheRealServer_WithOrWithoutLength()
    {
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-limits");
        try
        {
            await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
            {
                ["Hub:SeedDemo"] = "false",
                ["Web:MaxRequestBodyMegabytes"] = "1",
            });
            using var http = new HttpClient { BaseAddress = new Uri(hub.BaseUrl) };
            var oversize = Encoding.ASCII.GetBytes("Input.Email=" + new string('a', 2 * 1024 * 1024));

            var declared = new ByteArrayContent(oversize);
            declared.Headers.ContentType = new("application/x-www-form-urlencoded");
            var response = await http.PostAsync("/account/sign-in", declared);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

            // Chunked: no length to judge by, so Kestrel stops reading at the limit and the hub answers 413.
            var chunked = new StreamContent(new MemoryStream(oversize));
            chunked.Headers.ContentType = new("application/x-www-form-urlencoded");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in") { Content = chunked };
            request.Headers.TransferEncodingChunked = true;
            response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains("more than the hub accepts at once", await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain(hub.Output, line => line.StartsWith("fail:", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task RequestLimitSetting_OutOfRange_StopsTheStartNamingIt()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var hub = await HubFactory.StartAsync(s => s["Web:MaxRequestBodyMegabytes"] = "0", smtp: false);
        });
        Assert.Contains("Web:MaxRequestBodyMegabytes", error.ToString());
    }
}
