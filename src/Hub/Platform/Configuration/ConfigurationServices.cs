using Microsolidarity.Hub.Platform.Cli;

namespace Microsolidarity.Hub.Platform.Configuration;

public static class ConfigurationServices
{
    public static WebApplicationBuilder AddHubConfiguration(this WebApplicationBuilder builder, HubCommand command)
    {
        if (command.NoDemo)
        {
            builder.Configuration["Hub:SeedDemo"] = "false";
        }
        if (command.Verb != HubVerb.Serve)
        {
            // Run-once verbs start from the slim builder, whose console logger is fixed to the simple format: bind the
            // operator's Logging:Console settings again (JSON logs, timestamps), so every verb logs as `serve` does.
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(builder.Configuration.GetSection("Logging:Console"));
        }
        builder.Services.AddOptions<HubOptions>()
            .Bind(builder.Configuration.GetSection(HubOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrEmpty(o.PublicUrl)
                    || (Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var u) && (u.Scheme == "http" || u.Scheme == "https")),
                "Hub:PublicUrl must be empty or an absolute http(s) address such as https://hub.example.org.")
            .ValidateOnStart();
        // The group-formation search's budget, shared by practice programs and formation rounds.
        builder.Services.AddOptions<FormationOptions>().Bind(builder.Configuration.GetSection(FormationOptions.Section))
            .Validate(o => o.SearchMilliseconds is >= 10 and <= 60_000, "Formation:SearchMilliseconds must be between 10 and 60000 (a host waits for it).")
            .Validate(o => o.SearchIterations >= 0, "Formation:SearchIterations cannot be negative (0 means no cap).")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
