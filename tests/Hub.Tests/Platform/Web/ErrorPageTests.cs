using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Microsolidarity.Hub.Tests.Platform.Web;

public sealed class ErrorPageTests
{
    /// <summary>Adds, for this test only, an address whose handler fails the way a bug would.</summary>
    private sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate following) =>
                context.Request.Path == "/test/bug"
                    ? throw new InvalidOperationException("secret detail of a bug")
                    : following(context));
        };
    }

    [Fact]
    public async Task UnhandledException_ShowsFriendly500WithoutDetails()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        var client = hub.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, ThrowingRoute>()))
            .CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/test/bug");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong on our side", html);
        Assert.DoesNotContain("secret detail", html);
        Assert.DoesNotContain("InvalidOperationException", html);
    }
}
