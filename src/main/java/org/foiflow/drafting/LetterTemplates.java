package org.foiflow.drafting;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresource.SpringResourceTemplateResource;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;

/**
 * The one Thymeleaf engine of the letters, for drafting and for the review letters alike. It is not Spring Boot's
 * engine of the web pages: it reads the templates from the letters folder (file: or classpath:), which the FOI
 * team edits, and caches them only for a while (foiflow.letters.cache-ttl), so an edited template is used
 * without a restart; and it works outside Spring, for the tests and tools that draft letters.
 * {@code name.html} templates are HTML letters; {@code name.txt} ones write a letter's plain text and are read
 * from the packaged templates when the letters folder has none (a folder customised before the template came).
 */
public final class LetterTemplates {

  private static final Logger log = LoggerFactory.getLogger(LetterTemplates.class);
  private static final String TEXT = "*.txt";

  private final SpringTemplateEngine engine;
  private final String location;
  private final String baseUri;
  private final ResourceLoader loader;
  /** Whether each template file exists; a template added to the folder is seen at the next start. */
  private final Map<String, Boolean> existing = new ConcurrentHashMap<>();

  public LetterTemplates(LetterSettings settings, ResourceLoader resourceLoader) {
    ResourceLoader loader = resourceLoader != null ? resourceLoader : new DefaultResourceLoader();
    this.loader = loader;
    this.location = effectiveLocation(settings.location(), loader);
    this.baseUri = baseUri(loader, location);
    engine = new SpringTemplateEngine();
    engine.addTemplateResolver(resolver(loader, settings, location, TemplateMode.TEXT, "", 1));
    if (!LetterSettings.FALLBACK_LOCATION.equals(location)) {
      engine.addTemplateResolver(resolver(loader, settings, LetterSettings.FALLBACK_LOCATION, TemplateMode.TEXT, "", 2));
    }
    engine.addTemplateResolver(resolver(loader, settings, location, TemplateMode.HTML, ".html", 3));
    // SpEL compilation would fix the types of the first case's values: letters are rendered too rarely to gain.
    engine.setEnableSpringELCompiler(false);
  }

  private static ResourceTemplateResolver resolver(ResourceLoader loader, LetterSettings settings, String prefix,
                                                   TemplateMode mode, String suffix, int order) {
    ResourceTemplateResolver resolver = new ResourceTemplateResolver(loader);
    resolver.setOrder(order);
    resolver.setPrefix(prefix);
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    if (mode == TemplateMode.TEXT) {
      resolver.getResolvablePatternSpec().addPattern(TEXT);
    }
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setCacheable(!settings.cacheTtl().isZero());
    resolver.setCacheTTLMs(Math.max(1L, settings.cacheTtl().toMillis()));
    return resolver;
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

  /**
   * Whether the template exists in the letters folder or among the packaged ones: {@code name} is a letter
   * ({@code "scotland/acknowledgement"}, read as .html) or a text template ({@code "cy/internal-review.txt"}).
   */
  public boolean exists(String name) {
    String file = name.endsWith(".txt") ? name : name + ".html";
    return existing.computeIfAbsent(file, f -> loader.getResource(location + f).exists()
        || loader.getResource(LetterSettings.FALLBACK_LOCATION + f).exists());
  }

  /** Where the templates are read from (after the fallback to the packaged ones). */
  public String location() {
    return location;
  }

  /** What the letters' relative links (images, fonts) resolve against: the templates' folder. */
  String baseUri() {
    return baseUri;
  }

  /**
   * The template filled in with the variables, dates and numbers in British style.
   *
   * @throws LetterTemplateException naming the template when it is missing or cannot be rendered
   */
  public String render(String templateName, Map<String, Object> variables) {
    Context context = new Context(Locale.UK);
    context.setVariables(variables);
    try {
      return engine.process(templateName, context);
    } catch (TemplateEngineException broken) {
      throw new LetterTemplateException("letter template '" + templateName + "' in " + location
          + " cannot be rendered: " + broken.getMessage(), broken);
    }
  }

  private static String baseUri(ResourceLoader loader, String location) {
    try {
      return loader.getResource(location).getURL().toExternalForm();
    } catch (IOException noUrl) {
      return null;
    }
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
