using Infisical.Extensions.Configuration;
using Microsoft.Extensions.Configuration;

// Reads the settings Infisical.Build generated next to the app at build time and shows which ones arrived,
// without ever printing a value.
IConfigurationRoot configuration;
try
{
    configuration = new ConfigurationBuilder().AddInfisicalSettings().Build();
}
catch (InfisicalConfigurationException e)
{
    // Names the paths searched and the fix (build with -p:InfisicalEnv=<environment>).
    Console.WriteLine(e.Message);
    return 1;
}

var settings = configuration.AsEnumerable()
    .Where(pair => pair.Value != null)
    .OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
    .ToList();

Console.WriteLine($"DemoApp received {settings.Count} setting(s) from Infisical:");
foreach (var (key, value) in settings)
{
    Console.WriteLine($"  {key,-28} = {Mask(value!)}");
}

Console.WriteLine();
Console.WriteLine($"ConnectionStrings:Db present: {configuration.GetConnectionString("Db") != null}");
Console.WriteLine($"A .env file was generated too: {File.Exists(Path.Combine(AppContext.BaseDirectory, ".env"))}");
return 0;

// Shows only the length: even a prefix of a secret can be too much in a shared terminal or CI log.
static string Mask(string value) => value.Length == 0 ? "(empty)" : $"{new string('*', Math.Min(value.Length, 8))} ({value.Length} chars)";
