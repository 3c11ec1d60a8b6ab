package id.bimtek.registration;

import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The applicants' pages speak Bahasa Indonesia unless the applicant chose English ({@code ?lang=en},
 * remembered in a cookie of the /daftar path). Elsewhere the browser's language applies, as before.
 */
@Configuration(proxyBeanMethods = false)
public class ApplicantLocale implements WebMvcConfigurer {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final String PAGES = "/daftar";
    /** The certificates' public verification pages: read by whoever scans a QR code, in Indonesian first too. */
    private static final String CERTIFICATES = "/sertifikat";

    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("bimtek-bahasa");
        resolver.setCookiePath(PAGES);
        resolver.setDefaultLocaleFunction(request -> isApplicantPage(request.getRequestURI(), request.getContextPath())
                ? INDONESIAN : request.getLocale());
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor switchLanguage = new LocaleChangeInterceptor();
        switchLanguage.setParamName("lang");
        switchLanguage.setIgnoreInvalidLocale(true);
        registry.addInterceptor(switchLanguage).addPathPatterns(PAGES, PAGES + "/**", CERTIFICATES + "/**");
    }

    private static boolean isApplicantPage(String uri, String contextPath) {
        String path = uri.substring(contextPath.length());
        return path.equals(PAGES) || path.startsWith(PAGES + "/") || path.startsWith(CERTIFICATES + "/");
    }
}
