using Infisical.Extensions.Configuration;

var builder = WebApplication.CreateBuilder(args);

// Opens the encrypted settings next to the app (one KMS decrypt, credentials from the environment); environment
// variables and the command line still override what it holds. ExpectedEnvironment refuses a file built for
// another environment before any request is made.
builder.Configuration.AddInfisicalSettings(o => o.ExpectedEnvironment = builder.Configuration["Infisical:Environment"]);

var app = builder.Build();

// Which settings arrived, never their values: lengths only.
app.MapGet("/settings", (IConfiguration configuration) => new
{
    connectionString = Describe(configuration.GetConnectionString("Db")),
    paymentsApiKey = Describe(configuration["Payments:ApiKey"]),
    newCheckout = configuration.GetValue<bool>("FeatureFlags:NewCheckout"),
});

app.Run();

static string Describe(string? value) => value == null ? "missing" : $"present ({value.Length} chars)";
