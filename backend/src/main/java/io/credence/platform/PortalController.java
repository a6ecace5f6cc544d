package io.credence.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller of server-rendered portal pages (issue 16). Errors its handlers throw are shown as
 * the portal's error page with the problem's status and its plain message — never as JSON, a stack
 * trace or a framework page. REST controllers keep RFC 9457 problems.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PortalController {}
