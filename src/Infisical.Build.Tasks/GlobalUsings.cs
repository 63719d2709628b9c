// The tasks are adapters over the core pipeline.
global using Infisical.Build.Core.Credentials;
global using Infisical.Build.Core.Diagnostics;
global using Infisical.Build.Core.Fetching;
global using Infisical.Build.Core.Output;
global using Infisical.Build.Core.Rendering;
global using Infisical.Build.Core.Settings;
