namespace Microsolidarity.Hub.Features.Demo;

public static class DemoFeature
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder) => builder;
}
