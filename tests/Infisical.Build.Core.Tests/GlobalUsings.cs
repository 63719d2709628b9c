global using Infisical.Build.Core.Credentials;
global using Infisical.Build.Core.Pipeline;
global using Infisical.Build.Core.Diagnostics;
global using Infisical.Build.Core.Fetching;
global using Infisical.Build.Core.Output;
global using Infisical.Build.Core.Rendering;
global using Infisical.Build.Core.Settings;
global using Infisical.Build.Tests.Support;
