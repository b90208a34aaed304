package org.foiflow.drafting;

import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresource.SpringResourceTemplateResource;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;

/**
 * The Thymeleaf engine of the letters, separate from any web view engine: it reads the templates from the
 * letters folder (file: or classpath:) and caches them only for a while, so an edited template is used
 * without a restart.
 */
final class LetterTemplates {

  private static final Logger log = LoggerFactory.getLogger(LetterTemplates.class);

  private final SpringTemplateEngine engine;
  private final String location;

  LetterTemplates(LetterSettings settings, ResourceLoader resourceLoader) {
    ResourceLoader loader = resourceLoader != null ? resourceLoader : new DefaultResourceLoader();
    this.location = effectiveLocation(settings.location(), loader);
    ResourceTemplateResolver resolver = new ResourceTemplateResolver(loader);
    resolver.setPrefix(location);
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setCacheable(!settings.cacheTtl().isZero());
    resolver.setCacheTTLMs(Math.max(1L, settings.cacheTtl().toMillis()));
    engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    // SpEL compilation would fix the types of the first case's values: letters are rendered too rarely to gain.
    engine.setEnableSpringELCompiler(false);
  }

  /** The configured folder, or the templates packaged with the application when that folder is missing. */
  static String effectiveLocation(String configured, ResourceLoader loader) {
    if (configured.startsWith("file:")) {
      Resource folder = loader.getResource(configured);
      boolean exists;
      try {
        exists = folder.exists() && folder.getFile().isDirectory();
      } catch (IOException unreadable) {
        exists = false;
      }
      if (!exists) {
        log.info("Letter templates folder {} not found: using the packaged templates ({})", configured,
            LetterSettings.FALLBACK_LOCATION);
        return LetterSettings.FALLBACK_LOCATION;
      }
    }
    return configured;
  }

  String location() {
    return location;
  }

  String render(String templateName, Map<String, Object> variables) {
    Context context = new Context(java.util.Locale.UK);
    context.setVariables(variables);
    return engine.process(templateName, context);
  }

  /** Resolves template names through Spring's resource abstraction: file:, classpath: and URLs alike. */
  private static final class ResourceTemplateResolver extends AbstractConfigurableTemplateResolver {

    private final ResourceLoader loader;

    ResourceTemplateResolver(ResourceLoader loader) {
      this.loader = loader;
    }

    @Override
    protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate,
                                                        String template, String resourceName,
                                                        String characterEncoding,
                                                        Map<String, Object> templateResolutionAttributes) {
      return new SpringResourceTemplateResource(loader.getResource(resourceName), characterEncoding);
    }
  }
}
